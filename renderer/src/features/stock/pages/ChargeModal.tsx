import { Alert, Form, Input, InputNumber, Modal, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FundView } from '../../../../../shared/contract/stock';
import { BUDGET_CATEGORIES, type BudgetCategory } from '../../../../../shared/domain/stock';
import { useRpcMutation } from '../../../api/hooks';
import { useFieldErrors } from '../scan/fieldErrors';

/**
 * A payment from the fund that is not a receipt (a hired van, a service bought): amount in yuan, sent in fen.
 * Over the category's budget the main process asks first; confirming sends it again with `confirmOverBudget`.
 */
export function ChargeModal({ fund, onClose }: { fund: FundView; onClose: () => void }) {
  const { t } = useTranslation();
  const errors = useFieldErrors(t);
  const charge = useRpcMutation('stock.fundCharge');
  const [category, setCategory] = useState<BudgetCategory>('services');
  const [amount, setAmount] = useState<number | null>(null);
  const [description, setDescription] = useState('');
  const [invoiceNo, setInvoiceNo] = useState('');
  const [overBudget, setOverBudget] = useState(false);
  const submit = async () => {
    errors.clear();
    const r = await charge.mutateAsync({
      fundId: fund.id, category, amountFen: Math.round((amount ?? 0) * 100), description: description.trim(), invoiceNo: invoiceNo.trim() || undefined, confirmOverBudget: overBudget,
    });
    if (!r.ok) {
      if (r.error.fields?.confirmOverBudget) setOverBudget(true);
      return errors.show(r.error, (p) => ['category', 'amountFen', 'description', 'invoiceNo', 'confirmOverBudget'].includes(p));
    }
    onClose();
  };
  const item = (path: string, label: string, node: React.ReactNode) => (
    <Form.Item label={label} validateStatus={errors.at(path) ? 'error' : undefined} help={errors.at(path)}>{node}</Form.Item>
  );
  return (
    <Modal open title={t('stock.budget.charge', { fund: fund.name })} onOk={() => void submit()} confirmLoading={charge.isPending} onCancel={onClose} okText={overBudget ? t('stock.receive.goAhead') : t('common.save')} cancelText={t('common.cancel')}>
      <Form layout="vertical" component="div">
        {item('category', t('stock.budget.category'), <Select value={category} onChange={setCategory} options={BUDGET_CATEGORIES.map((c) => ({ value: c, label: t(`stock.budgetCategories.${c}`) }))} />)}
        {item('amountFen', t('stock.budget.amount'), <InputNumber min={0.01} precision={2} addonAfter={t('stock.yuan')} style={{ width: '100%' }} value={amount} onChange={setAmount} />)}
        {item('description', t('stock.budget.description'), <Input value={description} onChange={(e) => setDescription(e.target.value)} />)}
        {item('invoiceNo', t('stock.receive.invoiceNo'), <Input value={invoiceNo} onChange={(e) => setInvoiceNo(e.target.value)} />)}
      </Form>
      {overBudget && <Alert type="warning" showIcon title={t('v.stock.overBudget')} />}
      {errors.form && !overBudget && <Alert type="error" showIcon title={errors.form} />}
    </Modal>
  );
}
