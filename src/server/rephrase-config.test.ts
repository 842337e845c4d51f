import { describe, expect, it } from 'vitest';
import { readEnv, rephraseConfig } from './config.ts';

describe('润色 model server configuration (operator environment only)', () => {
  it('is off unless an address and a model are given', () => {
    expect(rephraseConfig(readEnv({}))).toBeUndefined();
  });

  it('takes a base address or a full chat-completions address, the key and the timeout', () => {
    const env = {
      LVZHI_REPHRASE_URL: 'http://10.0.0.5:8000/v1/',
      LVZHI_REPHRASE_MODEL: 'qwen2.5-32b-instruct',
      LVZHI_REPHRASE_KEY: 'sk-local',
      LVZHI_REPHRASE_TIMEOUT_SECONDS: '20',
    };
    expect(rephraseConfig(readEnv(env))).toEqual({
      url: 'http://10.0.0.5:8000/v1/chat/completions',
      model: 'qwen2.5-32b-instruct',
      apiKey: 'sk-local',
      timeoutMs: 20_000,
    });
    const full = { ...env, LVZHI_REPHRASE_URL: 'https://llm.example/v1/chat/completions' };
    expect(rephraseConfig(readEnv(full))?.url).toBe('https://llm.example/v1/chat/completions');
  });

  it('refuses a half configuration or a bad address with a Chinese message naming the variable', () => {
    expect(() => readEnv({ LVZHI_REPHRASE_URL: 'http://10.0.0.5:8000/v1' })).toThrow(
      /LVZHI_REPHRASE_MODEL: 设置了 LVZHI_REPHRASE_URL 时须同时给出模型名称/u,
    );
    expect(() => readEnv({ LVZHI_REPHRASE_KEY: 'sk-local' })).toThrow(/LVZHI_REPHRASE_URL/u);
    expect(() => readEnv({ LVZHI_REPHRASE_URL: 'ftp://x/v1', LVZHI_REPHRASE_MODEL: 'm' })).toThrow(
      /http:\/\/ 或 https:\/\//u,
    );
  });
});
