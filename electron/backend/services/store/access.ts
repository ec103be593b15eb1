// Who may change where the data is kept: anyone at this PC while nobody can sign in (the first run, or the store
// could not be opened at start — its accounts are out of reach), otherwise only a county administrator. A centre's
// data always stays in its own file.
import { AppError } from '@shared/api/errors';
import type { BackendDeps } from '../../deps';
import { installationMode } from '../../package/identity';
import type { Session } from '../../security/session';
import type { DatabaseHolder } from '../backup/holder';
import { readSettings } from '../settings/settings';

export async function assertMayChangeStore(deps: BackendDeps, holder: DatabaseHolder, session: Session): Promise<void> {
  // A damaged SQLite file is a centre's or a county's own data: it is restored from a backup, never swapped for a server.
  if (holder.recovery?.store === 'sqlite') throw new AppError('CONFLICT', '本机的数据文件需要先从备份恢复，恢复之后再更改数据存放位置');
  if (holder.recovery) return;
  const anyAccount = await deps.db.selectFrom('users').select('id').executeTakeFirst();
  if (!anyAccount) return;
  if ((await installationMode(deps)) === 'centre') throw new AppError('CONFLICT', '这台电脑是敬老院（已有本院的数据），数据只能存在本机；PostgreSQL 只用于县级汇总');
  if (!session.user) throw new AppError('UNAUTHENTICATED', '请先登录（县级管理员）再更改数据存放位置');
  // The dispatcher's checks for signed-in methods, which a public method does not get: idle lock, forced password change.
  session.touch(deps.clock.now(), (await readSettings(deps.db)).idleMinutes);
  if (session.locked) throw new AppError('LOCKED', '屏幕已锁定，请输入PIN码或密码继续');
  if (session.user.mustChangePassword) throw new AppError('PASSWORD_CHANGE_REQUIRED', '管理员重置了您的密码，请先设置新密码');
  if (session.user.role !== 'county_admin') throw new AppError('FORBIDDEN', '只有县级管理员可以更改数据存放位置');
}
