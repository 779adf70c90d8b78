import { Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';
import { errorText } from './serverErrors';

/** What a screen shows when the main process refused or failed its data, e.g. FORBIDDEN for this role. */
export function LoadError({ error }: { error: Error }) {
  const { t } = useTranslation();
  const text = error instanceof ApiError ? errorText(error.shape, t) : t('common.unknownError');
  const status = error instanceof ApiError && error.code === 'FORBIDDEN' ? '403' : 'error';
  return <Result status={status} title={text} data-testid="load-error" />;
}
