/**
 * What the segmenter throws away besides jieba's function words: the boilerplate a dispatcher
 * types into every order ("群众反映…希望尽快处理"), and content words that occur in nearly every
 * complaint (reporting verbs, who is affected, vague places, requests). They would make unrelated
 * orders look alike, so they never become features or labels. The concept lexicon is concepts.ts.
 */

/** Intake phrases removed before segmentation (jieba would keep "群众反映" as one word). */
export const BOILERPLATE: readonly string[] = [
  '群众反映',
  '市民反映',
  '村民反映',
  '居民反映',
  '来电反映',
  '来电人反映',
  '来电人称',
  '来电称',
  '市民来电',
  '群众来电',
  '希望尽快处理',
  '希望尽快解决',
  '请尽快处理',
  '请尽快解决',
  '请尽快维修',
  '请相关部门',
  '希望相关部门',
  '请有关部门',
  '能不能',
  '能不能管管',
  '有没有人管',
  '也没人管',
  '没人管',
  '不管',
  '说了也不听',
  '也说不清楚',
];

/** Content words (as jieba cuts them) that say nothing about which problem it is. */
export const STOPWORDS: ReadonlySet<string> = new Set(
  `群众 市民 村民 居民 来电 来电人 反映 反应 诉求 投诉 举报 咨询 表示 希望 尽快 及时 处理 解决 落实 要求
  请求 恳请 帮助 帮忙 协调 相关 部门 有关 政府 问题 情况 事情 事儿 存在 发生 出现 影响 造成 导致 没有
  进行 老人 老年人 孩子 小孩 娃儿 娃娃 大人 家里 我家 人家 别人 村里 社区 附近 旁边 门口 边上 里面 外面
  这边 那边 可以 知道 晓得 不知道 开始 出来 下来 起来 过去 回来 看看 来看 打电话 电话 找过 村干部 干部
  工作人员 隐患 危险 安全 不便 方便 不方便 困难 出行 通行 生活 生产 休息 睡觉 严重 厉害 彻底 维修 修理
  修好 一下 一趟 没用 不行 不敢 只能 需要 应该 是不是 为啥 为什么 怎么 怎么办 咋办 咋整 啥时候 什么
  时候 多久 好久 好几次 一直 经常 总是 老是 到处 满地 东西 地方 时间 天天 每次 上次 这次 今年 去年
  往年 现在 目前 以前 之前 以后 最近 这几天 好几天 一个月 半年 一年 说是 告诉 打招呼 管理
  负责 负责人 主人 有人 没人 个人 大家 住户 业主 邻居 人员 工人 村委 一家人 家人
  不了 不得了 受不了 要命 没法 出去 不到 不能 还有 不肯 不成 说好 涉及 部分 原因 回事 问问 容易 整个 差点
  扰民 安全隐患 申请 看不清 看不见 出门 走路 下楼 吃饭 干活 精神 样子 路上 上门 县里 镇上 对面 缺少 交关 普通`
    .split(/\s+/u)
    .filter(Boolean),
);
