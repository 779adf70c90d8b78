import { Form } from 'antd';
import type { ReactElement, ReactNode } from 'react';
import { Controller, type Control, type ControllerRenderProps, type FieldValues, type Path } from 'react-hook-form';
import { fieldMessage } from '../i18n';

interface Props<T extends FieldValues, N extends Path<T>> {
  control: Control<T>;
  name: N;
  label: ReactNode;
  required?: boolean;
  extra?: ReactNode;
  children: (field: ControllerRenderProps<T, N> & { id: string }) => ReactElement;
}

/** One react-hook-form field in an antd Form.Item: the error shows at the field, in the user's language. */
export function FormField<T extends FieldValues, N extends Path<T>>({ control, name, label, required, extra, children }: Props<T, N>) {
  return (
    <Controller
      control={control}
      name={name}
      render={({ field, fieldState }) => (
        <Form.Item
          label={label}
          required={required}
          extra={extra}
          htmlFor={name}
          validateStatus={fieldState.error ? 'error' : undefined}
          help={fieldMessage(fieldState.error?.message)}
        >
          {children({ ...field, id: name })}
        </Form.Item>
      )}
    />
  );
}
