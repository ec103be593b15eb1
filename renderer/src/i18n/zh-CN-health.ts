// Words of the health module (健康档案, issue 19), part of zh-CN: the page's title and tabs; each part's own words (file,
// clinical) in its own file.
import { healthClinicalZh } from './zh-CN-health-clinical';
import { healthFileZh } from './zh-CN-health-file';

export const healthZh = {
  title: '健康档案',
  tabs: {
    checkups: '体检',
    monthly: '月度健康',
    pressure: '压疮',
    visits: '医生巡诊',
    referrals: '转诊就医',
    doctors: '家庭医生',
  },
  file: healthFileZh,
  clinical: healthClinicalZh,
};
