// How large a request body each API method may send to the browser host. Most methods carry a form (a few KB), so
// 256 KB is plenty; the few that carry photos or files get what they can need and no more, so a handful of parallel
// requests cannot fill the memory of an old PC (six at the old 80 MB limit took 700 MB).
const KB = 1024;
const MB = 1024 * KB;

export const DEFAULT_BODY_LIMIT = 256 * KB;

interface Limit {
  bytes: number;
  /** What the person can do about it, after "请求内容太大（超过 …）". */
  hint: string;
}

const PHOTO: Limit = { bytes: 1 * MB, hint: '请换一张小一些的照片' };

/** Methods whose input may be larger than the default; test/unit/webhost-body-limits checks it against shared/api. */
export const LARGE_BODY_METHODS: Readonly<Record<string, Limit>> = {
  'residents.admit': PHOTO,
  'residents.update': PHOTO,
  'fire.reportDanger': PHOTO,
  'fire.dangerAction': PHOTO,
  'elders.saveAgreement': PHOTO,
  'visits.record': PHOTO,
  'entrusted.createAgreement': PHOTO,
  'medication.startAgreement': PHOTO,
  // A check-up's paper report: a photo or a PDF of up to 2 MB, as base64.
  'health.recordCheckup': { bytes: 3 * MB, hint: '请换一个小一些的文件（照片或 PDF 不超过 2MB）' },
  // A service visit may carry both a photo and the elder's signature drawn on the screen.
  'homecare.recordVisit': { bytes: 2 * MB, hint: '请换一张小一些的照片，或清除签名后重签' },
  // One round may carry a photo for each problem found (each under 400 KB once shrunk by the form).
  'fire.recordRound': { bytes: 8 * MB, hint: '照片太多，请分几次记录' },
  // Key and registration files: at most 100 000 characters, each up to 3 bytes in UTF-8.
  'sync.importCountyKey': { bytes: 512 * KB, hint: '这不是密钥文件' },
  'county.enrol': { bytes: 512 * KB, hint: '这不是登记文件' },
  // The county's answer file: at most 5 000 000 characters.
  'tier.importAnswers': { bytes: 16 * MB, hint: '这不是县级答复文件' },
  // Dropped monthly packages travel as base64 in one request; a month's package is well under 1 MB, and the folder
  // import reads any number of larger ones from disk one at a time.
  'county.stage': { bytes: 16 * MB, hint: '请分几次拖入，或改用「从文件夹导入」' },
};

export function bodyLimitFor(method: string): Limit {
  return Object.hasOwn(LARGE_BODY_METHODS, method) ? LARGE_BODY_METHODS[method] : { bytes: DEFAULT_BODY_LIMIT, hint: '' };
}

export function tooLargeMessage(method: string): string {
  const { bytes, hint } = bodyLimitFor(method);
  const size = bytes >= MB ? `${bytes / MB}MB` : `${bytes / KB}KB`;
  return `请求内容太大（超过 ${size}），未做任何修改${hint ? `。${hint}` : ''}`;
}
