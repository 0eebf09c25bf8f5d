/**
 * Picks an organisation by searching the directory (`GET /api/organizations?q=`),
 * optionally of some kinds. Used by user forms, org parents and filters.
 */
import { useDeferredValue, useMemo, useState } from 'react';
import { Select } from 'antd';
import { useQuery } from '@tanstack/react-query';
import type { OrgKind } from '@zhizhao/contracts/roles';
import { api } from '../lib/api';
import type { Organization, OrgPage } from '../lib/types';

type Props = {
  value?: number | null;
  onChange?: (id: number | null, org: Organization | null) => void;
  kinds?: readonly OrgKind[];
  placeholder?: string;
  allowClear?: boolean;
  disabled?: boolean;
  style?: React.CSSProperties;
  id?: string;
};

export function OrgSelect({ value, onChange, kinds, placeholder, allowClear = true, disabled, style, id }: Props) {
  const [search, setSearch] = useState('');
  const q = useDeferredValue(search.trim());
  const kind = kinds?.length === 1 ? kinds[0] : undefined;
  const { data, isFetching } = useQuery({
    queryKey: ['organizations', 'options', kind ?? null, q],
    queryFn: ({ signal }) => api.get<OrgPage>('/api/organizations', { kind, q, active: 'true', pageSize: 50 }, signal),
    staleTime: 30_000,
  });
  const items = useMemo(() => (data?.items ?? []).filter((o) => !kinds || kinds.includes(o.kind)), [data, kinds]);
  const options = items.map((o) => ({ value: o.id, label: o.name, org: o }));
  // Keep the chosen option visible even when the current search no longer lists it.
  const [chosen, setChosen] = useState<Organization | null>(null);
  if (chosen && chosen.id === value && !options.some((o) => o.value === chosen.id)) options.unshift({ value: chosen.id, label: chosen.name, org: chosen });
  return (
    <Select
      id={id}
      showSearch={{ filterOption: false, onSearch: setSearch }}
      value={value ?? undefined}
      placeholder={placeholder}
      allowClear={allowClear}
      disabled={disabled}
      loading={isFetching}
      style={{ minWidth: 220, ...style }}
      options={options}
      onChange={(v, opt) => {
        const org = (Array.isArray(opt) ? null : (opt as { org?: Organization } | undefined)?.org) ?? null;
        setChosen(org);
        onChange?.(v ?? null, org);
      }}
    />
  );
}
