// 0017: GB/T 42195 word for word (issue 14 §1). With each ability assessment: the answer to "昏迷还是昏睡?" asked when
// B.3.9 意识水平 = 0, and the A.2 basic information of that day (民族, 宗教信仰, 文化程度, 居住情况, 婚姻状况, 医疗费用支付方式,
// 经济来源, 身高, 体重) as JSON. Older rows read as not recorded.
export const migration0017 = `
ALTER TABLE assessments ADD COLUMN consciousness TEXT CHECK (consciousness IN ('coma', 'stupor'));
ALTER TABLE assessments ADD COLUMN basic_info TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(basic_info));
`;
