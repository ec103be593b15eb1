// The backup data the screens read and write: one hook per method, keyed [method, input] by api/hooks; every
// write refreshes every read. Components import these hooks and never name a method themselves.
import { useApi } from '../../api/hooks';

export const useBackupChooseFolder = (enabled = true) => useApi('backup.chooseFolder', {}, enabled);
