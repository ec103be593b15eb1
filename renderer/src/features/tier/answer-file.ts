// The county's signed answer file for one centre (its answers to that centre's tier proposals): downloaded on 特困认定
// and on each accepted row of 导入记录, the same way on both.
import type { TFunction } from 'i18next';
import { downloadText } from '../../components/download';
import { notifyError, notifySuccess } from '../../components/notify';
import { fetchAnswerFile } from './queries';

export async function downloadAnswerFile(centreCode: string, t: TFunction): Promise<void> {
  try {
    const file = await fetchAnswerFile(centreCode);
    downloadText(file.fileName, file.text, 'application/json');
    notifySuccess(t('countyTier.downloaded', { n: file.answers }));
  } catch (error) {
    notifyError((error as Error).message);
  }
}
