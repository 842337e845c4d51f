/**
 * Chinese surnames (姓) the name rules of the scrubber start from: the compound ones, then the
 * single ones that cover almost all of the population (the commonly published rankings' first
 * ~400). A name the rules find starts with one of these, so a rare surname outside the list is
 * only caught by the order's own known names (contact, parties) — not by context.
 */

export const COMPOUND_SURNAMES = [
  '欧阳',
  '司马',
  '上官',
  '诸葛',
  '东方',
  '皇甫',
  '尉迟',
  '公孙',
  '令狐',
  '慕容',
  '夏侯',
  '长孙',
  '宇文',
  '司徒',
  '司空',
  '端木',
  '西门',
  '南宫',
  '独孤',
  '呼延',
  '闻人',
  '轩辕',
  '澹台',
  '公冶',
  '太史',
  '申屠',
  '钟离',
  '拓跋',
] as const;

/** One string per line of ~40 characters keeps the list reviewable; order is irrelevant. */
export const SINGLE_SURNAMES = [
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董',
  '袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付傅方白邹',
  '孟熊秦邱江尹薛闫阎段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施',
  '文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符',
  '舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕',
  '屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米',
  '柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池',
  '查麻苑迟邝官封谈匡鞠惠荆乐冀郁胥南班储原栗燕楚鄢劳谌奚皮粟冼蔺楼盘满闻位',
  '厉伊仝区郜海阚花权强帅屠豆朴盖练廉禹井祖漆巴丰支卿国狄平计索宣晋相初门云',
  '容敬来扈晁芮都普阙浦戈伏鹿薄邸雍辜羊阿乌母裘亓修邰赫杭况那宿鲜印逯隆茹诸',
  '战慕危玉银亢嵇公哈湛宾戎勾茅利於呼居揭干但尉冶斯元束檀衣信展阴昝智幸奉植',
  '衡富尧闭由乜蓟牧滑靖鄂萧',
].join('');
