// Words of the disk module (硬盘空间, issue 25), part of zh-CN: the red notice everyone signed in sees when the data
// disk is nearly full, and the yellow one on the manager's home page before that.
export const diskZh = {
  criticalTitle: '电脑硬盘快满了，新的记录可能保存不了',
  criticalBody: '存放数据的硬盘只剩 {{free}}（少于 {{critical}}）。请马上告诉院长或维护人员腾出空间。已保存的记录不受影响。',
  criticalBodyManager: '存放数据的硬盘只剩 {{free}}（少于 {{critical}}）。请马上腾出空间，或联系维护人员。已保存的记录不受影响。',
  seeDetails: '看占空间的是什么、怎么办',
  lowTitle: '电脑硬盘的空间不多了',
  lowBody: '存放数据的硬盘还剩 {{free}}，少于提醒线 {{warn}}。请趁早腾出空间，硬盘满了就保存不了新的记录。',
  lowBodyServer: '存放备份和导出文件的硬盘还剩 {{free}}，少于提醒线 {{warn}}。请趁早腾出空间，不然备份会做不了。数据在数据库服务器上，保存记录不受影响。',
  folder: '数据文件夹：{{folder}}（硬盘共 {{total}}）',
  usageTitle: '数据文件夹里占空间的：',
  database: '数据库 {{size}}',
  photos: '（其中照片 {{size}}）',
  backups: '自动备份 {{size}}',
  exports: '导出的月报数据包 {{size}}',
  whatToDo: '怎么办：删除这台电脑上不用的文件（下载的视频、照片、安装包），或者把较早的备份复制到U盘后从“数据备份”的文件夹里删除；也可以请维护人员换一块更大的硬盘。',
  recheck: '腾出空间后，再检查一次',
  checkedAt: '检查时间 {{time}}',
  skippedTitle: '自动备份暂停了',
  skippedBackup: '自动备份没有做（{{time}}）：硬盘只剩 {{free}}，一份备份要 {{needed}}。为了给记录留出空间，程序先不做自动备份；腾出空间后会自动补上。也可以在“数据备份”里备份到U盘。',
} as const;
