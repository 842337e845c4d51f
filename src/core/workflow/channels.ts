/** 来源渠道 — how an appeal reached the town. Shared by the server and the web UI. */
export const CHANNELS = {
  hotline_12345: '12345热线',
  phone: '来电',
  visit: '来访',
  letter: '来信',
  web: '网上',
  grid: '网格上报',
  session: '说事会',
  open311: '开放接口',
  public_page: '群众自助提交',
} as const;
export type Channel = keyof typeof CHANNELS;

/** Channels residents file through themselves: only their orders have a public page and public photos. */
export const PUBLIC_CHANNELS: readonly string[] = ['public_page', 'open311'] satisfies Channel[];
