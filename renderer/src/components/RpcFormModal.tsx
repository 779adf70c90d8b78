import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Form, Modal } from 'antd';
import { useState, type ReactNode } from 'react';
import { useForm, type Control, type FieldValues, type Resolver } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { Input, Output, ProcedureName } from '../../../shared/contract';
import { useRpcMutation } from '../api/hooks';
import { cleanEmpty } from './cleanEmpty';
import { applyServerError } from './serverErrors';

interface Props<K extends ProcedureName> {
  open: boolean;
  title: ReactNode;
  procedure: K;
  /** The contract's own input schema: the field rules are the main process's. */
  schema: z.ZodType;
  defaultValues: Partial<Input<K>> & FieldValues;
  /** Field names the form shows, so the main process's field errors land on them. */
  fields: string[];
  /** Features whose pages show what this changes, refreshed beside the procedure's own (see api/hooks.ts staleAfter). */
  refreshes?: string[];
  okText?: ReactNode;
  width?: number;
  onClose: (value?: Output<K>) => void;
  children: (control: Control<FieldValues>, values: FieldValues) => ReactNode;
}

/** A modal form bound to one procedure: validate with its schema, call it, put its errors at the fields. */
export function RpcFormModal<K extends ProcedureName>(p: Props<K>) {
  const { t } = useTranslation();
  const [formError, setFormError] = useState<string | null>(null);
  const mutation = useRpcMutation(p.procedure, p.refreshes);
  const base = zodResolver(p.schema as never) as unknown as Resolver<FieldValues>;
  const { control, handleSubmit, setError, watch, reset } = useForm<FieldValues>({
    resolver: (values, ctx, opts) => base(cleanEmpty(values), ctx, opts),
    defaultValues: p.defaultValues,
  });
  const submit = handleSubmit(async (values) => {
    setFormError(null);
    const r = await mutation.mutateAsync(cleanEmpty(values) as Input<K>);
    if (r.ok) {
      reset(p.defaultValues);
      p.onClose(r.value);
    } else setFormError(applyServerError(r.error, setError, t, p.fields));
  });
  return (
    <Modal
      open={p.open}
      title={p.title}
      okText={p.okText ?? t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => void submit()}
      confirmLoading={mutation.isPending}
      onCancel={() => p.onClose()}
      destroyOnHidden
      width={p.width ?? 560}
    >
      <Form layout="vertical" component="form" onSubmitCapture={(e) => (e.preventDefault(), void submit())}>
        {p.children(control, watch())}
        {formError && <Alert type="error" showIcon title={formError} />}
        <button type="submit" hidden />
      </Form>
    </Modal>
  );
}
