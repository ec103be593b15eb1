// The printed report, laid out like GB/T 42195-2022 Appendix C: dimension scores, total, preliminary level, the grounds
// for a level change, the final level, and signature lines. Hidden on screen; the only thing on the printed page.
import type { AssessmentView } from '../../../../shared/api/assessment';
import { ASSESSMENT_REASON_NAMES } from '../../../../shared/api/assessment';
import { DIMENSIONS, type DimensionCode } from '../../../../shared/domain/assessment/items';
import { LEVELS } from '../../../../shared/domain/assessment/scoring';

const cell = { border: '1px solid #000', padding: '6px 8px' } as const;

export function AssessmentReport({ a, centre }: { a: AssessmentView; centre: string }) {
  return (
    <div className="print-only" style={{ fontSize: 14, color: '#000' }}>
      <h1 style={{ textAlign: 'center', fontSize: 22 }}>老年人能力评估报告</h1>
      <p style={{ textAlign: 'center' }}>（依据 GB/T 42195-2022《老年人能力评估规范》）</p>
      <table style={{ width: '100%', borderCollapse: 'collapse', marginTop: 12 }}>
        <tbody>
          <tr>
            <td style={cell}>评估机构</td>
            <td style={cell} colSpan={3}>
              {centre}
            </td>
          </tr>
          <tr>
            <td style={cell}>姓名</td>
            <td style={cell}>{a.residentName}</td>
            <td style={cell}>评估原因</td>
            <td style={cell}>{ASSESSMENT_REASON_NAMES[a.reason]}</td>
          </tr>
          {(Object.keys(DIMENSIONS) as DimensionCode[]).map((d) => (
            <tr key={d}>
              <td style={cell}>{DIMENSIONS[d].name}</td>
              <td style={cell} colSpan={3}>
                {a.dimensionScores[d]} 分（满分 {DIMENSIONS[d].max}）
              </td>
            </tr>
          ))}
          <tr>
            <td style={cell}>总分</td>
            <td style={cell} colSpan={3}>
              {a.total} 分（满分 90）
            </td>
          </tr>
          <tr>
            <td style={cell}>能力初步等级</td>
            <td style={cell} colSpan={3}>
              {LEVELS[a.preliminaryLevel].name}
            </td>
          </tr>
          <tr>
            <td style={cell}>等级变更依据</td>
            <td style={cell} colSpan={3}>
              {a.levelReasons.length ? a.levelReasons.join('；') : '无'}
            </td>
          </tr>
          <tr>
            <td style={cell}>能力最终等级</td>
            <td style={{ ...cell, fontWeight: 700 }} colSpan={3}>
              {LEVELS[a.finalLevel].name}
            </td>
          </tr>
        </tbody>
      </table>
      <p style={{ marginTop: 32 }}>
        评估员签名：{a.assessor1}＿＿＿＿＿＿　{a.assessor2}＿＿＿＿＿＿　　评估日期：{a.assessedOn}
      </p>
      <p style={{ marginTop: 24 }}>老年人（或代理人）签名：＿＿＿＿＿＿＿＿　　日期：＿＿＿＿＿＿</p>
    </div>
  );
}
