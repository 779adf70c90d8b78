import { LinkOutlined, PlusOutlined, UserOutlined } from '@ant-design/icons';
import { App, Button, Card, Col, Descriptions, Empty, Row, Space, Spin, Table, Tag, Typography, type DescriptionsProps } from 'antd';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { type PersonDetail, type PersonLink, type StaySummary } from '../../../../shared/contract/people';
import { IDENTITY_FIELDS, type IdentityField } from '../../../../shared/domain/person';
import { useRpcQuery } from '../../api/hooks';
import { useSessionInfo } from '../../app/session';
import { LoadError } from '../../components/LoadError';
import { clientLabel, STATUS_COLOR, when } from '../../components/format';
import { identityValue } from '../../components/identity';
import './people.css';
import { LinkModal, UnlinkModal } from './person/LinkModals';
import { PhotoBlock } from './person/PhotoBlock';
import { isOpenStay } from '../../../../shared/domain/stay';

/** Identity fields, in the order of the paper registration form. */
const IDENTITY_LABEL: Record<IdentityField, string> = {
  name: 'intake.identity.fields.name',
  sex: 'intake.identity.fields.sex',
  birth: 'intake.identity.fields.birth',
  idNumber: 'intake.identity.fields.idNumber',
  hukouPlace: 'intake.identity.fields.hukouPlace',
  residence: 'intake.identity.fields.residence',
  benefits: 'intake.identity.fields.benefits',
  dialect: 'intake.identity.fields.dialect',
};

export function PersonPage() {
  const { id: param } = useParams();
  const id = Number(param);
  const { t } = useTranslation();
  if (!Number.isInteger(id) || id <= 0) return <Empty description={t('errors.NOT_FOUND')} />;
  return <PersonRecord key={id} id={id} />;
}

function PersonRecord({ id }: { id: number }) {
  const { t, i18n } = useTranslation();
  const info = useSessionInfo();
  const navigate = useNavigate();
  const person = useRpcQuery('people.get', { id });
  const canWrite = (info.permissions as string[]).includes('intake.write');
  const [linking, setLinking] = useState(false);
  const [unlinking, setUnlinking] = useState<PersonLink | null>(null);
  const { message } = App.useApp();

  if (person.error) return <LoadError error={person.error} />;
  if (!person.data) return <Spin size="large" style={{ display: 'block', margin: '80px auto' }} />;
  const p = person.data;
  const name = clientLabel(t, p);
  const openStay = p.stays.find((s) => isOpenStay(s.status));
  const at = (ms: number) => when(ms, i18n.language, info.timeZone);

  const newStayButton = (
    <Button
      type="primary"
      icon={<PlusOutlined />}
      disabled={openStay !== undefined}
      onClick={() => navigate(`/intake/new?personId=${p.id}`)}
      data-testid="new-stay"
    >
      {t('people.newStay')}
    </Button>
  );

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card>
        <div className="person-head">
          <div>
            <Typography.Title level={4} style={{ margin: 0 }}>
              <UserOutlined /> <span data-testid="person-name">{name}</span>
            </Typography.Title>
            <Space size={8} wrap style={{ marginTop: 6 }}>
              <Typography.Text type="secondary">{t('people.personNo', { id: p.id })}</Typography.Text>
              {p.missing.length > 0 ? (
                <Tag color="orange">{t('intake.identity.missing', { count: p.missing.length })}</Tag>
              ) : (
                <Tag color="green">{t('people.complete')}</Tag>
              )}
            </Space>
          </div>
          {canWrite && (
            <div className="person-head-actions">
              {newStayButton}
              {openStay && <Link to={`/intake/stay/${openStay.id}`}>{t('people.openStay', { id: openStay.id })}</Link>}
            </div>
          )}
        </div>
        <Row gutter={[24, 16]} wrap>
          <Col flex="220px">
            <PhotoBlock person={p} canWrite={canWrite} />
          </Col>
          <Col flex="1 1 520px">
            <IdentityBlock person={p} />
            <FactSheet
              title={t('people.physical')}
              style={{ marginTop: 16 }}
              items={[
                { key: 'height', label: t('people.heightCm'), children: p.heightCm === null ? <NotRecorded /> : t('people.heightValue', { cm: p.heightCm }) },
                { key: 'build', label: t('people.build'), children: p.build ?? <NotRecorded /> },
                { key: 'features', label: t('people.features'), children: p.features ?? <NotRecorded />, span: 'filled' },
                { key: 'clothing', label: t('people.clothing'), children: p.clothing ?? <NotRecorded />, span: 'filled' },
                { key: 'description', label: t('people.description'), children: p.description ?? <NotRecorded />, span: 'filled' },
              ]}
            />
            <Typography.Text type="secondary" style={{ display: 'block', marginTop: 8 }}>
              {t('people.createdAt', { at: at(p.createdAt) })}
            </Typography.Text>
          </Col>
        </Row>
      </Card>

      <Card title={t('people.stays.title')}>
        <Table<StaySummary>
          rowKey="id"
          size="middle"
          dataSource={p.stays}
          pagination={false}
          locale={{ emptyText: t('people.stays.none') }}
          onRow={(s) => ({ onClick: () => navigate(`/intake/stay/${s.id}`), style: { cursor: 'pointer' } })}
          columns={[
            { title: t('people.stays.no'), dataIndex: 'id', width: 100, render: (v: number) => <Link to={`/intake/stay/${v}`}>{v}</Link> },
            { title: t('people.stays.arrivedAt'), dataIndex: 'arrivedAt', render: (v: number) => at(v) },
            {
              title: t('people.stays.status'),
              dataIndex: 'status',
              render: (v: string) => <Tag color={STATUS_COLOR[v] ?? 'default'}>{t(`intake.status.${v}`)}</Tag>,
            },
            { title: t('people.stays.discharge'), dataIndex: 'dischargeType', render: (v: string | null) => (v ? t(`intake.discharge.types.${v}`) : '—') },
            { title: t('people.stays.dischargedAt'), dataIndex: 'dischargedAt', render: (v: number | null) => (v ? at(v) : '—') },
            {
              title: t('common.actions'),
              width: 90,
              render: (_, s) => (
                <Link to={`/intake/stay/${s.id}`} onClick={(e) => e.stopPropagation()}>
                  {t('people.stays.open')}
                </Link>
              ),
            },
          ]}
        />
      </Card>

      <Card
        title={t('people.links.title')}
        extra={
          canWrite && (
            <Button icon={<LinkOutlined />} onClick={() => setLinking(true)} data-testid="link-person">
              {t('people.links.link')}
            </Button>
          )
        }
      >
        <Typography.Paragraph type="secondary">{t('people.links.intro')}</Typography.Paragraph>
        <Table<PersonLink>
          rowKey="id"
          size="middle"
          dataSource={p.links}
          pagination={false}
          locale={{ emptyText: t('people.links.none') }}
          columns={[
            {
              title: t('people.links.other'),
              render: (_, l) => (
                <Link to={`/intake/person/${l.otherId}`}>
                  {clientLabel(t, { name: l.otherName })} · {t('people.personNo', { id: l.otherId })}
                </Link>
              ),
            },
            { title: t('people.links.reason'), dataIndex: 'reason' },
            { title: t('people.links.linkedAt'), dataIndex: 'linkedAt', render: (v: number) => at(v) },
            { title: t('people.links.linkedBy'), dataIndex: 'linkedBy' },
            ...(canWrite
              ? [
                  {
                    title: t('common.actions'),
                    width: 110,
                    render: (_: unknown, l: PersonLink) => (
                      <Button type="link" danger onClick={() => setUnlinking(l)}>
                        {t('people.links.unlink')}
                      </Button>
                    ),
                  },
                ]
              : []),
          ]}
        />
      </Card>

      {linking && (
        <LinkModal
          person={p}
          onClose={(done) => {
            setLinking(false);
            if (done) void message.success(t('people.links.linked'));
          }}
        />
      )}
      {unlinking && (
        <UnlinkModal
          link={unlinking}
          onClose={(done) => {
            setUnlinking(null);
            if (done) void message.success(t('people.links.unlinked'));
          }}
        />
      )}
    </Space>
  );
}

function NotRecorded() {
  const { t } = useTranslation();
  return <Typography.Text type="warning">{t('people.notRecorded')}</Typography.Text>;
}

/** A value, its unknown/refused mark as a tag, or a visible "not recorded". */
function IdentityCell({ person, field }: { person: PersonDetail; field: IdentityField }): ReactNode {
  const { t } = useTranslation();
  const v = identityValue(t, person, field);
  if (v.kind === 'value') return field === 'idNumber' ? <span className="mono">{v.text}</span> : v.text;
  if (v.kind === 'state') return <Tag color={v.state === 'refused' ? 'red' : 'default'}>{v.text}</Tag>;
  return <NotRecorded />;
}

/** The person page's two-column fact sheets (identity, physical description), laid out alike. */
function FactSheet(props: Pick<DescriptionsProps, 'title' | 'items' | 'style'>) {
  return <Descriptions bordered size="small" column={{ xs: 1, lg: 2 }} styles={{ label: { width: 130 } }} {...props} />;
}

function IdentityBlock({ person }: { person: PersonDetail }) {
  const { t } = useTranslation();
  return (
    <FactSheet
      title={t('people.identity')}
      items={IDENTITY_FIELDS.map((f) => ({
        key: f,
        label: t(IDENTITY_LABEL[f]),
        children: <IdentityCell person={person} field={f} />,
        span: f === 'hukouPlace' || f === 'residence' ? 'filled' : 1,
      }))}
    />
  );
}
