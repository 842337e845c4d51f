/**
 * The domain vocabulary the segmenter keeps whole: 12345 hotline phrases (with the colloquial
 * variants residents use, folded to one canonical term), place words, and the boilerplate a
 * dispatcher types into every order ("群众反映…希望尽快处理"), which says nothing about the problem.
 */

/**
 * A canonical term and the ways people say it; every variant is read as the canonical term. A
 * term with a space stands for several tokens ("路灯 损坏"), so "路灯不亮" and "路灯又坏了" share both.
 */
export interface DomainTerm {
  term: string;
  variants?: readonly string[];
}

export const DOMAIN_TERMS: readonly DomainTerm[] = [
  { term: '路灯 损坏', variants: ['路灯不亮', '路灯坏了', '路灯不亮了', '路灯不工作', '路灯熄灭', '路灯损坏', '路灯故障'] },
  { term: '损坏', variants: ['坏了', '又坏了', '坏掉', '不亮', '不亮了', '熄灭', '故障', '破损'] },
  { term: '维修', variants: ['修理', '修好', '没人修', '无人维修'] },
  { term: '路灯', variants: ['灯杆', '路灯杆'] },
  { term: '噪音扰民', variants: ['噪声扰民', '噪音太大', '噪声污染', '噪音污染', '吵得睡不着'] },
  { term: '夜间施工', variants: ['半夜施工', '深夜施工', '晚上施工', '凌晨施工'] },
  { term: '垃圾清运', variants: ['垃圾没人清', '垃圾无人清运', '垃圾清运不及时', '垃圾堆积', '垃圾成堆'] },
  { term: '垃圾桶', variants: ['垃圾箱'] },
  { term: '污水外溢', variants: ['污水横流', '污水漫溢', '下水道堵塞', '下水道冒水', '化粪池外溢'] },
  { term: '停水', variants: ['断水', '没有水', '没水了', '自来水停了'] },
  { term: '停电', variants: ['断电', '没有电', '没电了'] },
  { term: '水压低', variants: ['水压不足', '水压小'] },
  { term: '道路破损', variants: ['路面破损', '路面坑洼', '道路坑洼', '坑坑洼洼', '路面塌陷'] },
  { term: '违法建设', variants: ['违法搭建', '违章搭建', '违章建筑', '私搭乱建', '乱搭乱建'] },
  { term: '占道经营', variants: ['占道摆摊', '流动摊贩', '马路市场'] },
  { term: '油烟扰民', variants: ['油烟污染', '油烟太大'] },
  { term: '拖欠工资', variants: ['欠薪', '讨薪', '拖欠农民工工资', '工资不发'] },
  { term: '广场舞', variants: ['跳舞音响'] },
  { term: '井盖', variants: ['窨井盖', '下水井盖'] },
  { term: '物业', variants: ['物业公司'] },
  { term: '养殖异味', variants: ['养猪场臭味', '养殖场异味', '猪场臭味'] },
  { term: '焚烧秸秆', variants: ['秸秆焚烧', '烧秸秆'] },
  { term: '公交班次', variants: ['公交车次', '公交车太少'] },
  { term: '信号差', variants: ['没有信号', '信号不好'] },
  { term: '积水', variants: ['内涝', '路面积水'] },
  { term: '占用耕地' },
  { term: '惠农补贴' },
  { term: '低保' },
  { term: '卫生室' },
  { term: '菜市场' },
  { term: '村口' },
  { term: '路口' },
  { term: '小区' },
  { term: '广场' },
  { term: '桥头' },
  { term: '学校门口' },
  { term: '村委会' },
  { term: '工地' },
  { term: '搅拌站' },
];

/**
 * Intake boilerplate, removed before segmentation (jieba would otherwise keep "群众反映" as one
 * word and make every order look alike).
 */
export const BOILERPLATE: readonly string[] = [
  '群众反映', '市民反映', '村民反映', '居民反映', '来电反映', '来电人反映', '来电称', '市民来电', '群众来电',
  '希望尽快处理', '希望尽快解决', '请尽快处理', '请尽快解决', '请尽快维修', '请相关部门', '希望相关部门', '请有关部门',
];

/**
 * Words that occur in nearly every order: intake boilerplate, reporting verbs and politeness.
 * They would make unrelated orders look alike, so they never become shingles.
 */
export const STOPWORDS: ReadonlySet<string> = new Set([
  '群众', '市民', '村民', '居民', '来电', '反映', '反应', '诉求', '投诉', '举报', '咨询', '称', '表示', '说',
  '希望', '尽快', '及时', '处理', '解决', '落实', '要求', '请求', '恳请', '请', '帮助', '协调', '相关', '部门',
  '有关', '政府', '问题', '情况', '事情', '目前', '现在', '已经', '一直', '多次', '多日', '好几天', '几天', '长期',
  '经常', '非常', '十分', '严重', '影响', '造成', '导致', '没有', '无人', '不', '了', '的', '地', '得', '着', '过',
  '在', '和', '与', '及', '或', '也', '都', '还', '就', '又', '很', '太', '是', '有', '对', '把', '被', '给', '让',
  '我', '我们', '他', '他们', '她', '其', '该', '此', '这', '这个', '那', '那个', '这里', '那里', '附近', '一个',
  '一些', '进行', '存在', '发生', '出现', '以来', '之前', '以后', '晚上', '白天', '每天', '等', '啊', '吧', '呢',
]);
