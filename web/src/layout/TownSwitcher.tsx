/** The town switcher of users with grants in several towns (its own chunk: most users have one town). */
import { Select } from 'antd';

export default function TownSwitcher(props: {
  value: string;
  towns: { id: string; name: string }[];
  onChange: (id: string) => void;
}) {
  return (
    <Select
      aria-label="切换乡镇"
      value={props.value}
      style={{ minWidth: 140 }}
      options={props.towns.map((t) => ({ value: t.id, label: t.name }))}
      onChange={props.onChange}
    />
  );
}
