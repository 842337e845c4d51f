/**
 * Invented text the demo's ledger records are written with: titles and topics fitting each
 * ledger (an activity has an activity's name, an article a headline, a study session a theme),
 * so a draft quoting a record quotes something that reads right in its place.
 */

/** Headlines of articles the media ran about the town (quoted in 《》 as article titles). */
export const ARTICLE_TITLES = [
  '青石镇：茶园里办起“田间课堂”',
  '小网格撑起基层治理大格局',
  '村里来了“法律明白人”',
  '村道修通了，致富路宽了',
  '“红色议事厅”议出民生实事',
  '老党员的微心愿实现了',
  '竹编手艺人带富一方乡亲',
  '新街社区办起“邻里节”',
  '夜间巡逻队守护一方平安',
  '青石茶叶走进省城展销会',
  '留守儿童有了“周末课堂”',
  '镜湖社区打造便民服务圈',
  '村集体经济找到新门路',
  '石桥村的“积分超市”',
  '让群众少跑腿的代办员',
  '青石镇抢抓农时忙秋收',
  '汛期来临前的一次演练',
  '山村学校里的公益课堂',
];

export const OUTLETS: Record<string, string[]> = {
  national: ['人民网地方频道', '学习强国平台', '新华网客户端'],
  provincial: ['省日报', '省广播电视台', '省委宣传部公众号'],
  municipal: ['市日报', '市融媒体中心'],
  county: ['云溪县融媒体中心', '云溪发布', '青石镇政务公众号'],
};

export const STUDY_TOPICS = [
  '学习贯彻党的二十届三中全会精神',
  '党纪学习教育专题',
  '习近平文化思想',
  '乡村振兴战略',
  '安全生产法律法规',
  '基层治理能力建设',
  '铸牢中华民族共同体意识',
  '防范化解重大风险',
  '生态文明建设',
  '党的群众路线教育',
];

export const ACTIVITY_TITLES: Record<string, string[]> = {
  theory: ['理论进万家院坝宣讲', '政策面对面进村', '微宣讲进农家', '新思想田间宣讲'],
  culture: ['乡村大舞台文艺演出', '广场舞展演', '农民丰收节文艺会演', '送戏下乡演出'],
  customs: ['红白事简办倡议宣传', '好家风故事分享会', '文明户评选表彰会'],
  health: ['健康义诊进村', '老年人免费体检', '中医理疗进社区'],
  science: ['科普大篷车进村', '防灾减灾知识讲座', '农业新技术观摩'],
  other: ['村晚联欢', '邻里节'],
};

export const VOLUNTEER_PROJECTS = [
  '关爱独居老人',
  '河道清洁',
  '文明交通劝导',
  '义务理发',
  '关爱留守儿童',
  '义务维修家电',
  '助农采茶',
  '森林防火宣传',
];

export const VOLUNTEER_TEAMS = [
  '青石镇志愿服务队',
  '巾帼志愿服务队',
  '党员先锋队',
  '青年志愿服务队',
];

export const TRAINING_TITLES: Record<string, string[]> = {
  farmer: ['茶叶标准化种植技术培训班', '农产品电商直播培训班', '生猪养殖技术培训班'],
  village_cadre: ['村“两委”干部履职能力培训班', '村级财务管理培训班'],
  party_member: ['农村党员冬训班', '入党积极分子培训班'],
  vocational: ['家政服务技能培训班', '电工技能培训班'],
  safety: ['企业安全生产主体责任培训班', '燃气使用安全培训班'],
  other: ['应急救护培训班'],
};

export const INTEGRITY_TITLES: Record<string, string[]> = {
  lecture: ['守纪律讲规矩专题廉政党课', '以案明纪廉政党课'],
  warning: ['身边案例警示教育会', '违纪案例通报会'],
  case_reform: ['以案促改专题民主生活会'],
  site_visit: ['参观县廉政教育基地'],
  talk: ['节前廉政提醒谈话'],
  other: ['廉洁文化进家庭'],
};

export const LAW_THEMES = [
  '民法典进农村',
  '反电信网络诈骗宣传',
  '农村土地承包法解读',
  '未成年人保护宣传',
  '宪法宣传',
  '禁毒宣传',
  '安全生产法宣传',
];

export const PARTY_DAY_THEMES = [
  '党纪学习教育',
  '我为群众办实事',
  '红色教育',
  '乡村振兴党员先行',
  '宪法宣传',
  '防范电信诈骗',
  '环境卫生大扫除',
  '重温入党誓词',
];

export const BRANCH_TOPICS = [
  '研究发展党员工作',
  '讨论村级重点项目',
  '学习上级会议精神',
  '部署防汛和秋收工作',
  '评议党员',
  '研究困难群众帮扶',
];

export const DECISIONS: Record<string, string[]> = {
  project: ['村道硬化工程立项', '农田灌溉渠维修', '村级光伏项目建设', '文化广场改造'],
  funds: ['村集体结余资金使用方案', '村级公益岗补贴发放'],
  assets: ['闲置校舍出租', '集体仓库处置'],
  contracting: ['集体山林发包', '村集体鱼塘发包'],
  welfare: ['高龄老人慰问方案', '困难家庭临时救助评议'],
  other: ['村规民约修订'],
};

export const ITEMS = [
  '农村道路硬化',
  '文化广场照明',
  '留守儿童课后辅导',
  '茶叶销售渠道',
  '农技培训场地',
];
export const WISHES = [
  '一套学习用品',
  '一台电暖器',
  '一次健康体检',
  '一辆儿童自行车',
  '一批冬衣',
  '一副老花镜',
];
export const PARTNERS = ['县供电公司', '镇卫生院', '县农商行', '县农业农村局'];
export const CLAIMERS = ['镇机关党支部', '县农商行党支部', '爱心企业', '镇卫生院党支部'];
export const SPECIALTIES = ['茶叶种植', '电商运营', '木工', '竹编', '养殖技术', '乡村旅游'];
export const POSTS = ['村文书', '网格员', '村妇联主席', '村团支部书记', '村民小组长'];
export const OCCUPATIONS = ['农民', '个体工商户', '教师', '村干部', '企业职工', '退役军人'];
export const GOODS = ['米、油', '慰问金及生活用品', '棉被'];
export const SQUADS = ['一排一班', '一排二班', '应急分队', '森林防火分队'];
export const HAZARD_PLACES = [
  '集镇农贸市场',
  '学校周边',
  '小型加工厂',
  '沿河步道',
  '村级道路弯道',
  '自建出租房',
];
export const SITE_SPOTS = ['村委会广场', '集镇主街', '村口宣传栏', '文化礼堂', '组道交叉口'];
export const SLOGANS = ['社会主义核心价值观', '移风易俗倡议', '防溺水提示', '森林防火标语'];
export const PATROL_POSTS = ['集镇路口劝导站', '国道岔口劝导站', '学校路口劝导站'];
export const COURSES: Record<string, string[]> = {
  party_school: ['县委党校乡镇干部进修班', '县委党校中青年干部培训班'],
  special: ['乡村振兴专题培训班', '基层治理专题培训班', '应急管理专题培训班'],
  online: ['网络干部学院专题学习', '干部网络学院必修课程'],
  visit: ['赴先进乡镇考察学习'],
};
