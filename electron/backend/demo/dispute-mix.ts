import type { HandlingKind, LegalPath } from '../../../shared/domain/disputes/handling';
import type { DisputeChannel, DisputeRiskColour, DisputeUrgency } from '../../../shared/domain/disputes/intake';
import type { DisputeLevel } from '../../../shared/domain/disputes/levels';
import type { DisputeResult, Satisfaction } from '../../../shared/domain/disputes/statuses';
import type { Weighted } from './random';

/** The demo disputes' mix (weights of each choice) and their wording (demo/disputes.ts draws from them). */
export const CHANNELS: Weighted<DisputeChannel> = [
  ['visit', 30],
  ['grid', 25],
  ['phone', 14],
  ['hotline_12345', 12],
  ['police_110', 8],
  ['higher', 4],
  ['letter', 3],
  ['other', 4],
];
/** Codes of the `dispute_category` dictionary (migration 0022): 邻里, 婚姻家庭, 房屋宅基地, 劳动争议 most. */
export const CATEGORIES: Weighted<string> = [
  ['neighbour', 20],
  ['marriage_family', 16],
  ['housing_land', 14],
  ['labour', 12],
  ['contract', 6],
  ['damages', 6],
  ['business', 4],
  ['forest_land', 4],
  ['land_requisition', 4],
  ['traffic', 3],
  ['property_management', 3],
  ['environment', 3],
  ['consumer', 2],
  ['medical', 2],
  ['other', 1],
];
/** {v}: a village or community, {s}: a surname. */
export const SUMMARIES: Record<string, string[]> = {
  neighbour: ['{v}{s}某与邻居因排水沟堵塞发生争执', '{v}两户村民因通行道路产生纠纷', '{v}{s}某反映邻居装修噪声扰民'],
  marriage_family: [
    '{v}{s}某夫妻因离婚财产分割发生纠纷',
    '{v}{s}某兄妹因老人赡养问题产生矛盾',
    '{v}{s}某家庭因抚养费给付发生争执',
  ],
  housing_land: ['{v}{s}某与邻户宅基地界址争议', '{v}{s}某反映房屋翻建影响采光', '{v}村民因宅基地使用权发生纠纷'],
  labour: ['{v}务工人员反映工地拖欠工资', '{s}某与用工企业因解除劳动合同补偿发生争议', '{v}{s}某工伤后赔偿未谈妥'],
  contract: ['{s}某与装修公司因工程款结算发生纠纷', '{v}{s}某土地流转合同租金争议', '{s}某与商户因借款合同发生纠纷'],
  damages: ['{v}{s}某家禽被邻居家犬咬死要求赔偿', '{v}{s}某房屋被邻户施工损坏要求赔偿', '{s}某斗殴受伤要求赔偿医药费'],
  business: ['{v}两家养殖户因场地使用发生纠纷', '{s}某与合伙人因经营分红产生矛盾'],
  forest_land: ['{v}两村村民因山林界址发生争议', '{v}{s}某承包林地被他人砍伐'],
  land_requisition: ['{v}村民对征地补偿分配方案有异议', '{v}{s}某反映拆迁安置面积认定不公'],
  traffic: ['{s}某与对方驾驶人因交通事故赔偿发生争议', '{v}{s}某电动车与轿车碰擦赔偿纠纷'],
  property_management: ['{v}业主与物业公司因物业费发生纠纷', '{v}业主反映电梯长期故障物业不维修'],
  environment: ['{v}村民反映养殖场异味扰民', '{v}居民反映夜间施工噪声扰民'],
  consumer: ['{s}某购买的家电质量问题商家拒不退换', '{s}某预付卡消费后商家关门'],
  medical: ['{s}某家属对诊疗结果有异议要求赔偿', '{v}{s}某在诊所输液后不适引发纠纷'],
  other: ['{v}{s}某与村委会因集体收益分配发生争议', '{v}村民因红白理事费用分摊发生矛盾'],
};
/** Matters of groups: a few dozen people and money at stake. */
export const GROUP_CATEGORIES = new Set([
  'labour',
  'land_requisition',
  'environment',
  'property_management',
  'forest_land',
]);
/** Matters whose respondent is mostly a company or an authority. */
export const ORGANISATION_CATEGORIES = new Set(['labour', 'contract', 'consumer', 'medical', 'property_management']);
/** Matters money is counted in (元). */
export const AMOUNTS: Record<string, [number, number]> = {
  labour: [3_000, 400_000],
  contract: [5_000, 300_000],
  damages: [500, 80_000],
  traffic: [2_000, 150_000],
  consumer: [300, 20_000],
  medical: [5_000, 200_000],
  business: [10_000, 500_000],
  land_requisition: [20_000, 800_000],
  property_management: [1_000, 60_000],
};
/** Violence can follow: where 防止民转刑 is counted. */
export const VOLATILE_CATEGORIES = new Set(['neighbour', 'marriage_family', 'housing_land', 'damages']);
export const ORGANISATION_NAMES = [
  '{v}建筑工程有限公司',
  '{v}物业服务有限公司',
  '{v}商贸有限公司',
  '{v}卫生院',
  '{v}农业专业合作社',
];
/** The county department a category goes to when a unit handles it (归口). */
export const CATEGORY_UNITS: Record<string, string[]> = {
  neighbour: ['县司法局'],
  marriage_family: ['县民政局', '县司法局'],
  housing_land: ['县自然资源局', '县住房和城乡建设局'],
  labour: ['县人力资源和社会保障局'],
  contract: ['县市场监督管理局', '县司法局'],
  damages: ['县司法局', '县公安局'],
  business: ['县市场监督管理局'],
  forest_land: ['县自然资源局', '县农业农村局'],
  land_requisition: ['县自然资源局'],
  traffic: ['县公安局'],
  property_management: ['县住房和城乡建设局'],
  environment: ['县生态环境分局'],
  consumer: ['县市场监督管理局'],
  medical: ['县卫生健康委员会'],
  other: ['县民政局', '县司法局'],
};
export const HANDLING: Weighted<HandlingKind> = [
  ['people_mediation', 55],
  ['administrative', 12],
  ['unit', 12],
  ['professional', 10],
  ['judicial', 6],
  ['lawyer', 5],
];
export const URGENCIES: Weighted<DisputeUrgency> = [
  ['normal', 85],
  ['urgent', 12],
  ['critical', 3],
];
export const COLOURS: Weighted<DisputeRiskColour> = [
  ['blue', 55],
  ['yellow', 30],
  ['orange', 12],
  ['red', 3],
];
/** Where it is taken in: most at the village and the township, 小事不出村、大事不出乡. */
export const INTAKE_LEVELS: Weighted<DisputeLevel> = [
  ['village', 50],
  ['township', 38],
  ['county', 12],
];
/** How a concluded dispute ended: about 95% settled (化解). */
export const RESULTS: Weighted<DisputeResult> = [
  ['settled', 945],
  ['guided', 20],
  ['unsettled', 15],
  ['withdrawn', 12],
  ['converted', 8],
];
export const SATISFACTION_SETTLED: Weighted<Satisfaction> = [
  ['satisfied', 82],
  ['basically_satisfied', 15],
  ['unsatisfied', 3],
];
export const SATISFACTION_OTHER: Weighted<Satisfaction> = [
  ['satisfied', 40],
  ['basically_satisfied', 35],
  ['unsatisfied', 25],
];
export const LEGAL_PATHS: Weighted<LegalPath> = [
  ['litigation', 55],
  ['arbitration', 25],
  ['admin_review', 10],
  ['other', 10],
];
export const AGREEMENTS = [
  '双方自愿达成调解协议，当场履行完毕',
  '双方达成调解协议，约定分期履行',
  '经释法明理，双方互谅互让达成一致',
  '被申请方当场支付款项，申请方不再追究',
];
export const GUIDE_REASONS = [
  '属于法院受理范围，引导通过诉讼解决',
  '劳动争议，引导申请劳动仲裁',
  '对行政行为不服，引导申请行政复议',
];
export const FAIL_REASONS = ['双方分歧较大，调解不成', '被申请方拒不到场，调解终结'];
export const WITHDRAW_REASONS = ['双方自行和解，申请撤回', '申请方撤回调解申请'];
export const CONVERT_REASONS = ['涉及群体诉求，转为信访事项办理', '存在激化风险，转为风险隐患跟踪'];
export const ESCALATE_REASONS: Record<'up' | 'down', string[]> = {
  up: ['涉及多个村组，村级调解难以解决', '涉及部门职能，需上级协调', '矛盾激化风险较高，提级办理'],
  down: ['属地矛盾，交由属地先行调处', '事实清楚、争议不大，交基层调解'],
};
export const VISIT_NOTES: Record<'ok' | 'unsatisfied', string[]> = {
  ok: ['电话回访，当事人对处理结果表示满意', '上门回访，协议已履行，未发现反复', '回访时双方关系已缓和'],
  unsatisfied: ['回访时当事人对处理结果仍有意见，已做解释', '当事人认为赔偿偏低，已告知其他救济途径'],
};
export const SURNAMES = [...'王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯'];
