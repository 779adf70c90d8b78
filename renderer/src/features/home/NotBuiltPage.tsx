import { Card, Result } from 'antd';
import { ToolOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { ModuleEntry } from '../../app/modules';

/** A module that does not exist yet says so plainly: no sample rows, no fake numbers. */
export function NotBuiltPage({ module }: { module: ModuleEntry['key'] }) {
  const { t } = useTranslation();
  return (
    <Card title={t(`nav.${module}`)}>
      <Result
        icon={<ToolOutlined style={{ color: '#8c8c8c' }} />}
        title={t('notBuilt.title')}
        subTitle={
          <>
            <div>{t(`modules.${module}`)}</div>
            <div style={{ marginTop: 8 }}>{t('notBuilt.body')}</div>
          </>
        }
      />
    </Card>
  );
}
