import { Card, Col, Row, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { menuEntries, useFeatures } from '../../app/feature';
import { useSessionInfo } from '../../app/session';

export function HomePage() {
  const { t } = useTranslation();
  const info = useSessionInfo();
  const features = useFeatures();
  const navigate = useNavigate();
  const permissions = info.permissions as string[];
  const adminPages = menuEntries(features, permissions, 'admin');
  const entries = [
    ...menuEntries(features, permissions, 'module')
      .filter((m) => m.homeCard)
      .map((m) => ({ key: m.key, path: m.path, built: m.built !== false })),
    // One card for all the admin pages this user may open, leading to the first of them.
    ...(adminPages[0] ? [{ key: 'admin', path: adminPages[0].path, built: true }] : []),
  ];
  return (
    <div>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t('home.welcome', { name: info.user.displayName })}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('home.intro')}</Typography.Paragraph>
      <Typography.Title level={5}>{t('home.modules')}</Typography.Title>
      <Row gutter={[16, 16]}>
        {entries.map((e) => (
          <Col key={e.key} xs={24} md={12} xl={8}>
            <Card hoverable onClick={() => navigate(e.path)} className="module-card" data-testid={`module-${e.key}`}>
              <div style={{ display: 'flex', alignItems: 'center', marginBottom: 8 }}>
                <Typography.Text strong style={{ fontSize: 16 }}>
                  {t(`nav.${e.key}`)}
                </Typography.Text>
                <Tag color={e.built ? 'green' : 'default'} style={{ marginLeft: 'auto' }}>
                  {e.built ? t('home.built') : t('home.notBuilt')}
                </Tag>
              </div>
              <Typography.Text type="secondary">{t(`modules.${e.key}`)}</Typography.Text>
            </Card>
          </Col>
        ))}
      </Row>
    </div>
  );
}
