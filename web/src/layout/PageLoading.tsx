/** The spinner shown while a lazily loaded page chunk arrives. */
import { Spin } from 'antd';

export function PageLoading() {
  return (
    <div style={{ padding: 64, textAlign: 'center' }}>
      <Spin />
    </div>
  );
}
