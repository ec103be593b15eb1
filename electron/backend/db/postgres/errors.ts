// What went wrong reaching the county's PostgreSQL server, in one Chinese sentence a clerk can act on (or read to the
// database administrator on the phone). Never includes the password.
import { AppError } from '@shared/api/errors';
import { type PostgresConnection, describeConnection } from './connection';

interface PgLikeError {
  code?: string;
  message?: string;
}

function asPgError(error: unknown): PgLikeError {
  return typeof error === 'object' && error !== null ? (error as PgLikeError) : { message: String(error) };
}

export function describePostgresError(c: PostgresConnection, error: unknown): AppError {
  if (error instanceof AppError) return error;
  const { code = '', message = '' } = asPgError(error);
  const where = describeConnection(c);
  const say = (text: string) => new AppError('INVALID_INPUT', text);
  if (code === 'ENOENT' || code === 'EACCES') return say(`读不到证书颁发机构（CA）文件「${c.caFile ?? ''}」（${code === 'ENOENT' ? '文件不存在' : '没有权限'}），没有连接。请核对文件路径`);
  if (code === '28P01') return say(`数据库用户「${c.user}」的密码不对，没有连接（${where}）。请向数据库管理员核对用户名和密码`);
  if (code === '28000' && /no encryption/i.test(message)) {
    return say(`服务器 ${where} 只接受加密连接（TLS），请把“加密方式”选为“必须加密”或“加密并验证证书”再连接`);
  }
  if (code === '28000') return say(`服务器 ${where} 不允许用户「${c.user}」从这台电脑连接（pg_hba.conf 里没有放行），请联系数据库管理员`);
  if (code === '3D000') return say(`服务器上没有名为「${c.database}」的数据库，请先让数据库管理员建好（空的即可）`);
  if (code === '42501') return say(`数据库用户「${c.user}」没有在「${c.database}」里建表的权限，请让数据库管理员授予（第一次连接时要建表）`);
  if (/does not support SSL/i.test(message)) {
    return say(`要求加密连接（TLS），但服务器 ${where} 没有开启加密，没有连接。请让数据库管理员开启 TLS；只有在可信的内网里才可改为“不加密”`);
  }
  if (/self[- ]signed|unable to verify|certificate|altnames/i.test(message) || code.startsWith('ERR_TLS') || code === 'DEPTH_ZERO_SELF_SIGNED_CERT' || code === 'UNABLE_TO_VERIFY_LEAF_SIGNATURE') {
    return say(`服务器 ${where} 的证书验证不通过（${message.slice(0, 120)}），没有连接。请向数据库管理员要证书颁发机构（CA）文件，或核对服务器地址`);
  }
  if (['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ECONNRESET'].includes(code) || /timeout|terminated unexpectedly/i.test(message)) {
    return say(`连不上数据库服务器 ${c.host}:${c.port}（${code || message.slice(0, 60)}）。请检查服务器地址、端口、网络，以及服务器是否开着`);
  }
  return say(`连接数据库 ${where} 失败：${message.slice(0, 200) || code}`);
}
