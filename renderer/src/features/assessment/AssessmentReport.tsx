// The printed report, laid out like GB/T 42195-2022 Appendix C: who was assessed (name, sex, age, masked ID, bed — or, for
// an elder assessed at home, 评估地点：居家 and the address on the register) and the
// A.2 basic information of that day, all 26 items by dimension with each item's definition and the standard's wording
// of the chosen score (B.3.9 = 0 says 昏迷 or 昏睡), the A.2.14 care-risk events, the A.5 health items with the BMI, dimension scores, total,
// levels and the grounds for a level change, and signature lines. Hidden on screen; the only thing on the printed page.
// Portrait A4: no table has more than five columns.
import type { AssessmentView } from '@shared/api/assessment';
import { ASSESSMENT_REASON_NAMES, RISK_EVENT_KINDS, RISK_EVENT_NAMES } from '@shared/api/assessment';
import { COMA_LEVEL_SOURCES, CONSCIOUSNESS_ZERO_NAMES } from '@shared/domain/assessment/coma';
import { HEALTH_ITEMS } from '@shared/domain/assessment/health';
import { DIMENSIONS, type DimensionCode, ITEMS } from '@shared/domain/assessment/items';
import { LEVELS } from '@shared/domain/assessment/scoring';
import { assessorText } from './AssessorField';
import { basicInfoLines } from './BasicInfoCard';
import { healthText } from './HealthCard';

export interface ReportPerson {
  sex: string;
  age: number;
  idNumberMasked: string;
  bedLabel: string | null;
  /** At home: the village and address on the register. */
  address?: string;
}

const cell = { border: '1px solid #000', padding: '3px 6px', verticalAlign: 'top' } as const;
const head = { ...cell, background: '#e9ecef', fontWeight: 700, textAlign: 'left' } as const;
const nowrap = { ...cell, whiteSpace: 'nowrap' } as const;
const section = { fontSize: '12pt', margin: '10px 0 4px' } as const;
const table = { width: '100%', borderCollapse: 'collapse' } as const;

function Signature({ who }: { who: string }) {
  return (
    <p style={{ margin: '16px 0 0', breakInside: 'avoid' }}>
      {who}　　签名：＿＿＿＿＿＿＿＿＿＿　　日期：＿＿＿＿年＿＿月＿＿日
    </p>
  );
}

export function AssessmentReport({ a, centre, person }: { a: AssessmentView; centre: string; person: ReportPerson | null }) {
  const events = RISK_EVENT_KINDS.map((k) => `${RISK_EVENT_NAMES[k]} ${a.riskEvents[k]} 次`);
  const basic = basicInfoLines(a.basicInfo);
  const diagnoses = [a.coma && '处于昏迷状态', a.dementia && '确诊痴呆（F00–F03）', a.mentalDisorder && '经精神科专科医生诊断的精神和行为障碍（F04–F99）'].filter(Boolean);
  return (
    <div className="print-only" data-testid="assessment-report" style={{ fontSize: '10pt', color: '#000', lineHeight: 1.35 }}>
      <h1 style={{ textAlign: 'center', fontSize: '16pt', margin: '0 0 2px' }}>老年人能力评估报告</h1>
      <p style={{ textAlign: 'center', margin: 0 }}>（依据 GB/T 42195-2022《老年人能力评估规范》）</p>

      <h2 style={section}>一、基本信息</h2>
      <table style={table}>
        <tbody>
          <tr>
            <td style={head}>评估机构</td>
            <td style={cell} colSpan={3}>
              {centre}
            </td>
          </tr>
          <tr>
            <td style={head}>姓名</td>
            <td style={nowrap}>{a.personName}</td>
            <td style={head}>性别 / 年龄</td>
            <td style={nowrap}>{person ? `${person.sex}，${person.age}岁` : ''}</td>
          </tr>
          {a.place === 'home' ? (
            <>
              <tr>
                <td style={head}>身份证号</td>
                <td style={nowrap}>{person?.idNumberMasked ?? ''}</td>
                <td style={head}>评估地点</td>
                <td style={nowrap} data-testid="report-place">
                  居家
                </td>
              </tr>
              <tr>
                <td style={head}>住址</td>
                <td style={cell} colSpan={3}>
                  {person?.address ?? ''}
                </td>
              </tr>
            </>
          ) : (
            <tr>
              <td style={head}>身份证号</td>
              <td style={nowrap}>{person?.idNumberMasked ?? ''}</td>
              <td style={head}>床位</td>
              <td style={nowrap}>{person?.bedLabel ?? '（不在床位）'}</td>
            </tr>
          )}
          <tr>
            <td style={head}>评估日期</td>
            <td style={nowrap}>{a.assessedOn}</td>
            <td style={head}>评估原因</td>
            <td style={cell}>{ASSESSMENT_REASON_NAMES[a.reason]}</td>
          </tr>
          {/* A.2 of that day, two to a row (portrait page: at most four columns). */}
          {Array.from({ length: basic.length / 2 }, (_, i) => (
            <tr key={basic[2 * i][0]}>
              <td style={head}>{basic[2 * i][0]}</td>
              <td style={cell}>{basic[2 * i][1] || '未填写'}</td>
              <td style={head}>{basic[2 * i + 1][0]}</td>
              <td style={cell}>{basic[2 * i + 1][1] || '未填写'}</td>
            </tr>
          ))}
          <tr>
            <td style={head}>评估员</td>
            <td style={cell} colSpan={3}>
              {[a.assessor1, a.assessor2].map(assessorText).filter(Boolean).join('；')}
            </td>
          </tr>
        </tbody>
      </table>

      <h2 style={section}>二、能力评估（26 项）</h2>
      <table style={table}>
        <thead>
          <tr>
            <th style={{ ...head, width: '4.5em' }}>编号</th>
            <th style={{ ...head, width: '8em' }}>项目</th>
            <th style={{ ...head, width: '4.5em' }}>得分</th>
            <th style={head}>评分说明（标准原文）</th>
          </tr>
        </thead>
        {(Object.keys(DIMENSIONS) as DimensionCode[]).map((d) => (
          <tbody key={d}>
            <tr>
              <td style={{ ...head, background: '#f8f9fa' }} colSpan={4}>
                {d.replace('B', 'B.')} {DIMENSIONS[d].name}：{a.dimensionScores[d]} 分（满分 {DIMENSIONS[d].max}）
              </td>
            </tr>
            {ITEMS.filter((i) => i.dimension === d).map((item) => {
              const score = a.answers[item.code];
              return (
                <tr key={item.code}>
                  <td style={nowrap}>{item.code}</td>
                  <td style={nowrap}>{item.name}</td>
                  <td style={nowrap}>{score === null || score === undefined ? '未评' : `${score} / ${item.max}`}</td>
                  <td style={cell}>
                    {item.definition && <div style={{ fontSize: '8.5pt', color: '#333' }}>定义：{item.definition}</div>}
                    {score === null || score === undefined ? '' : item.levels[score]}
                    {item.code === 'B.3.9' && score === 0 && a.consciousness && <b>（本次评定：{CONSCIOUSNESS_ZERO_NAMES[a.consciousness]}）</b>}
                  </td>
                </tr>
              );
            })}
          </tbody>
        ))}
      </table>

      <h2 style={section}>三、健康相关问题（A.5，记录，不计分）</h2>
      <table style={table}>
        <tbody>
          {HEALTH_ITEMS.map((item) => (
            <tr key={item.code}>
              <td style={{ ...nowrap, width: '4.5em' }}>{item.code}</td>
              <td style={{ ...cell, width: '14em' }}>{item.name}</td>
              <td style={cell}>{healthText(a.health, item.code, a.basicInfo) || '未填写'}</td>
            </tr>
          ))}
          <tr>
            <td style={nowrap}>A.5.12</td>
            <td style={cell}>其他</td>
            <td style={cell}>{a.health.other || '无'}</td>
          </tr>
        </tbody>
      </table>

      <h2 style={section}>四、评估结果</h2>
      <table style={table}>
        <tbody>
          <tr>
            <td style={{ ...head, width: '9em' }}>各维度得分</td>
            <td style={cell}>
              {(Object.keys(DIMENSIONS) as DimensionCode[]).map((d) => `${DIMENSIONS[d].name} ${a.dimensionScores[d]}/${DIMENSIONS[d].max}`).join('；')}
            </td>
          </tr>
          <tr>
            <td style={head}>总分</td>
            <td style={cell}>{a.total} 分（满分 90）</td>
          </tr>
          <tr>
            <td style={head}>能力初步等级</td>
            <td style={cell}>{LEVELS[a.preliminaryLevel].name}</td>
          </tr>
          <tr>
            <td style={head}>等级变更的情况</td>
            <td style={cell}>
              {diagnoses.length ? diagnoses.join('；') : '无昏迷、痴呆或精神和行为障碍的诊断'}；A.2.14 近30天照护风险事件：{events.join('，')}
              {/* The level used is in the frozen grounds below; both sources are printed because they disagree. */}
              {a.coma && <div style={{ fontSize: '8.5pt' }}>昏迷直接评定的依据：{COMA_LEVEL_SOURCES[4]}；{COMA_LEVEL_SOURCES[3]}。</div>}
            </td>
          </tr>
          <tr>
            <td style={head}>等级变更依据</td>
            <td style={cell}>{a.levelReasons.length ? a.levelReasons.join('；') : '无（最终等级即初步等级）'}</td>
          </tr>
          <tr>
            <td style={head}>能力最终等级</td>
            <td style={{ ...cell, fontWeight: 700 }}>{LEVELS[a.finalLevel].name}</td>
          </tr>
        </tbody>
      </table>

      <div style={{ breakInside: 'avoid' }}>
        <h2 style={section}>五、签名</h2>
        <Signature who={`评估员：${assessorText(a.assessor1)}`} />
        <Signature who={`评估员：${assessorText(a.assessor2)}`} />
        <p style={{ margin: '16px 0 0', breakInside: 'avoid' }}>老年人（或家属、代理人）签名：＿＿＿＿＿＿＿＿　　与老年人关系：＿＿＿＿　　日期：＿＿＿＿年＿＿月＿＿日</p>
        <p style={{ margin: '16px 0 0', textAlign: 'right' }}>评估机构（盖章）</p>
      </div>
    </div>
  );
}
