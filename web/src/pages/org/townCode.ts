/** 乡镇编码: the short code the CLI, the residents' link and Open311 use for a town. */
export const TOWN_CODE_RULE = {
  pattern: /^[a-z][a-z0-9_-]{1,31}$/,
  message: '小写字母开头，2–32 位小写字母、数字、_ 或 -',
};
