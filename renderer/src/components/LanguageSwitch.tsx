import { Button } from 'antd';
import { GlobalOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { setLanguage } from '../i18n';

export function LanguageSwitch({ light }: { light?: boolean }) {
  const { t, i18n } = useTranslation();
  return (
    <Button
      type="text"
      icon={<GlobalOutlined />}
      style={light ? { color: '#fff' } : undefined}
      onClick={() => setLanguage(i18n.language === 'en' ? 'zh-CN' : 'en')}
    >
      {t('header.language')}
    </Button>
  );
}
