import { Card, Result } from 'antd';
import { ToolOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';

/** A module that does not exist yet (`built: false` in its entry) says so plainly: no sample rows, no fake numbers. */
export function NotBuiltPage({ module }: { module: string }) {
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
