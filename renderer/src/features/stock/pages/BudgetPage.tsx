import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Empty, Form, Input, InputNumber, Modal, Progress, Row, Space, Table, Tag } from 'antd';
import { format, parseISO } from 'date-fns';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FundCategoryView, FundView } from '../../../../../shared/contract/stock';
import { BUDGET_CATEGORIES, type BudgetCategory } from '../../../../../shared/domain/stock';
import { useRpcMutation, useRpcQuery } from '../../../api/hooks';
import { DatePicker } from '../../../components/DatePicker';
import { yuan } from '../../../components/format';
import { LoadError } from '../../../components/LoadError';
import { useFieldErrors } from '../scan/fieldErrors';
import { ChargeModal } from './ChargeModal';
import { FundCharges } from './FundCharges';

const STATE_COLOR = { ok: 'green', warning: 'orange', exceeded: 'red' } as const;
const fenOfYuan = (v: number | null | undefined) => Math.round((v ?? 0) * 100);

/** A campaign fund and its budget per category, in yuan on screen and fen underneath. */
function FundModal({ fund, onClose }: { fund?: FundView; onClose: () => void }) {
  const { t } = useTranslation();
  const errors = useFieldErrors(t);
  const save = useRpcMutation('stock.fundSave');
  const budgetOf = (c: BudgetCategory) => (fund?.categories.find((x) => x.category === c)?.budgetFen ?? 0) / 100;
  const [name, setName] = useState(fund?.name ?? '夏季送清凉');
  const [range, setRange] = useState<[string, string]>([fund?.startsOn ?? `${new Date().getFullYear()}-06-01`, fund?.endsOn ?? `${new Date().getFullYear()}-09-30`]);
  const [budgets, setBudgets] = useState<Record<BudgetCategory, number>>(Object.fromEntries(BUDGET_CATEGORIES.map((c) => [c, budgetOf(c)])) as Record<BudgetCategory, number>);
  const submit = async () => {
    errors.clear();
    const r = await save.mutateAsync({ id: fund?.id, name: name.trim(), startsOn: range[0], endsOn: range[1], budgets: Object.fromEntries(BUDGET_CATEGORIES.map((c) => [c, fenOfYuan(budgets[c])])) as Record<BudgetCategory, number> });
    if (!r.ok) return errors.show(r.error, (p) => ['name', 'endsOn', 'startsOn'].includes(p) || p.startsWith('budgets.'));
    onClose();
  };
  const item = (path: string, label: string, node: React.ReactNode) => (
    <Form.Item label={label} validateStatus={errors.at(path) ? 'error' : undefined} help={errors.at(path)}>{node}</Form.Item>
  );
  return (
    <Modal open title={fund ? fund.name : t('stock.budget.add')} onOk={() => void submit()} confirmLoading={save.isPending} onCancel={onClose} okText={t('common.save')} cancelText={t('common.cancel')} width={560}>
      <Form layout="vertical" component="div">
        {item('name', t('stock.budget.name'), <Input value={name} onChange={(e) => setName(e.target.value)} />)}
        {item('endsOn', t('stock.period'), <DatePicker.RangePicker value={[parseISO(range[0]), parseISO(range[1])]} onChange={(v) => v?.[0] && v[1] && setRange([format(v[0], 'yyyy-MM-dd'), format(v[1], 'yyyy-MM-dd')])} allowClear={false} />)}
        <Row gutter={12}>
          {BUDGET_CATEGORIES.map((c) => (
            <Col span={12} key={c}>
              {item(`budgets.${c}`, t(`stock.budgetCategories.${c}`), <InputNumber min={0} precision={2} addonAfter={t('stock.yuan')} style={{ width: '100%' }} value={budgets[c]} onChange={(v) => setBudgets((b) => ({ ...b, [c]: v ?? 0 }))} />)}
            </Col>
          ))}
        </Row>
      </Form>
      {errors.form && <Alert type="error" showIcon title={errors.form} />}
    </Modal>
  );
}

function Fund({ fund, canManage, canCharge, onEdit }: { fund: FundView; canManage: boolean; canCharge: boolean; onEdit: () => void }) {
  const { t } = useTranslation();
  const [charging, setCharging] = useState(false);
  const warn = fund.categories.filter((c) => c.state !== 'ok');
  return (
    <Card
      type="inner"
      title={`${fund.name}（${fund.startsOn} – ${fund.endsOn}）`}
      extra={
        <Space>
          {canCharge && <Button size="small" onClick={() => setCharging(true)}>{t('stock.budget.chargeButton')}</Button>}
          {canManage && <Button size="small" onClick={onEdit}>{t('common.edit')}</Button>}
        </Space>
      }
      style={{ marginBottom: 16 }}
    >
      {warn.length > 0 && (
        <Alert type={warn.some((c) => c.state === 'exceeded') ? 'error' : 'warning'} showIcon style={{ marginBottom: 12 }} title={t('stock.budget.warning', { categories: warn.map((c) => t(`stock.budgetCategories.${c.category}`)).join('、') })} />
      )}
      <Space size="large" style={{ marginBottom: 12 }}>
        <span>{t('stock.budget.total')}：{yuan(fund.budgetFen)} {t('stock.yuan')}</span>
        <span data-testid={`fund-spent-${fund.id}`}>{t('stock.budget.spent')}：{yuan(fund.spentFen)} {t('stock.yuan')}</span>
        <span data-testid={`fund-remaining-${fund.id}`}>{t('stock.budget.left')}：{yuan(fund.budgetFen - fund.spentFen)} {t('stock.yuan')}</span>
      </Space>
      <Table<FundCategoryView>
        size="small"
        rowKey="category"
        pagination={false}
        dataSource={fund.categories}
        columns={[
          { title: t('stock.budget.category'), render: (_, c) => t(`stock.budgetCategories.${c.category}`) },
          { title: t('stock.budget.budget'), align: 'right', render: (_, c) => yuan(c.budgetFen) },
          { title: t('stock.budget.spent'), align: 'right', render: (_, c) => yuan(c.spentFen) },
          { title: t('stock.budget.remaining'), align: 'right', render: (_, c) => yuan(c.remainingFen) },
          { title: '', width: 200, render: (_, c) => <Progress size="small" percent={Math.min(100, c.permille / 10)} status={c.state === 'exceeded' ? 'exception' : 'normal'} strokeColor={c.state === 'warning' ? '#fa8c16' : undefined} format={() => `${(c.permille / 10).toFixed(1)}%`} /> },
          { title: t('stock.stocktake.status'), render: (_, c) => <Tag color={STATE_COLOR[c.state]}>{t(`stock.budgetStates.${c.state}`)}</Tag> },
        ]}
      />
      <FundCharges fund={fund} canReverse={canCharge} />
      {charging && <ChargeModal fund={fund} onClose={() => setCharging(false)} />}
    </Card>
  );
}

/** 专项资金: each campaign fund's budget per category, spent against it, and a warning before it runs out. */
export function BudgetPage({ canManage, canCharge }: { canManage: boolean; canCharge: boolean }) {
  const { t } = useTranslation();
  const funds = useRpcQuery('stock.budget', {});
  const [editing, setEditing] = useState<FundView | 'new' | null>(null);
  if (funds.error) return <LoadError error={funds.error} />;
  return (
    <Card title={t('stock.budget.title')} loading={!funds.data} extra={canManage && <Button icon={<PlusOutlined />} onClick={() => setEditing('new')}>{t('stock.budget.add')}</Button>}>
      {funds.data?.length === 0 && <Empty description={t('stock.budget.none')} />}
      {funds.data?.map((f) => <Fund key={f.id} fund={f} canManage={canManage} canCharge={canCharge} onEdit={() => setEditing(f)} />)}
      {editing && <FundModal fund={editing === 'new' ? undefined : editing} onClose={() => setEditing(null)} />}
    </Card>
  );
}
