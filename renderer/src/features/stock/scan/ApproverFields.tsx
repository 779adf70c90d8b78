import { Form, Input, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { useRpcQuery } from '../../../api/hooks';
import type { FieldErrors } from './fieldErrors';

export interface Approval {
  userId?: number;
  password: string;
}

/** An admin or duty leader co-signs at the storekeeper's desk: picks their own name and types their password. */
export function ApproverFields({ value, onChange, errors, path = 'approver' }: { value: Approval; onChange: (a: Approval) => void; errors: FieldErrors; path?: string }) {
  const { t } = useTranslation();
  const approvers = useRpcQuery('stock.approvers', {});
  const error = errors.at(path);
  return (
    <Space wrap align="start">
      <Form.Item label={t('stock.approval.who')} htmlFor="approver-user" validateStatus={errors.at(`${path}.userId`) || error ? 'error' : undefined} help={errors.at(`${path}.userId`) ?? error}>
        <Select
          id="approver-user"
          style={{ width: 200 }}
          value={value.userId}
          onChange={(userId: number) => onChange({ ...value, userId })}
          options={(approvers.data ?? []).map((a) => ({ value: a.id, label: a.displayName }))}
          placeholder={t('stock.approval.pick')}
        />
      </Form.Item>
      <Form.Item label={t('stock.approval.password')} htmlFor="approver-password" validateStatus={errors.at(`${path}.password`) ? 'error' : undefined} help={errors.at(`${path}.password`)}>
        <Input.Password id="approver-password" style={{ width: 200 }} autoComplete="off" value={value.password} onChange={(e) => onChange({ ...value, password: e.target.value })} />
      </Form.Item>
    </Space>
  );
}
