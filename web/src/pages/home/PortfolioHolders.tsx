/**
 * Who holds each portfolio right now. A portfolio without a holder is a gap: nobody's duty report
 * would cover its appeals, ledgers and metrics, so it is flagged.
 */
import { Tag, Typography } from 'antd';
import type { Portfolio, Position } from '../../api/org.ts';

export function PortfolioHolders({
  positions,
  portfolios,
}: {
  positions: Position[];
  portfolios: Portfolio[];
}) {
  return (
    <div
      style={{
        display: 'grid',
        gridTemplateColumns: 'repeat(auto-fill, minmax(280px, 1fr))',
        gap: '10px 24px',
      }}
    >
      {portfolios.map((p) => {
        const holders = [
          ...new Set(
            positions.filter((pos) => pos.portfolios.includes(p.code)).map((pos) => pos.personName),
          ),
        ];
        return (
          <div key={p.code} style={{ display: 'flex', gap: 8, alignItems: 'baseline' }}>
            <Typography.Text strong style={{ minWidth: 140 }}>
              {p.name}
            </Typography.Text>
            <span>
              {holders.length ? (
                holders.map((h) => <Tag key={h}>{h}</Tag>)
              ) : (
                <Tag color="warning">暂无分管</Tag>
              )}
            </span>
          </div>
        );
      })}
    </div>
  );
}
