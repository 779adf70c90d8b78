import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, Card, Col, Empty, Form, Input, InputNumber, List, Radio, Row, Select, Space, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useForm, useWatch, type Resolver } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import type { z } from 'zod';
import { registerInput } from '../../../../shared/contract/intake';
import { ARRIVAL_CHANNELS, SEXES } from '../../../../shared/domain/person';
import { api } from '../../api/client';
import { useRpcQuery } from '../../api/hooks';
import { useRpcSearch } from '../../api/useRpcSearch';
import { useSessionInfo } from '../../app/session';
import { cleanEmpty } from '../../components/cleanEmpty';
import { StationTimePicker } from '../../components/StationTimePicker';
import { FormField } from '../../components/FormField';
import { applyServerError } from '../../components/serverErrors';
import { clientLabel, STATUS_COLOR, when } from '../../components/format';

type Values = z.input<typeof registerInput>;
const FIELDS = ['person.name', 'person.description', 'person.sex', 'person.estimatedAge', 'person.idNumber', 'channel', 'channelDetail.unit', 'channelDetail.officers', 'channelDetail.handoverAt', 'channelDetail.referrer', 'channelDetail.phone', 'arrivedAt', 'lateReason', 'personId'];
const UNIT_CHANNELS = ['police', 'city_management', 'hospital', 'other_station'];

/** Likely matches for what has been typed so far, asked of the main process as the desk types. */
function useMatches(name?: string, sex?: 'male' | 'female', estimatedAge?: number, idNumber?: string) {
  const input = cleanEmpty({ name, sex, idNumber, birthYear: estimatedAge != null ? new Date().getFullYear() - estimatedAge : undefined });
  return useRpcSearch('people.matches', input.name || input.idNumber ? input : null).data ?? [];
}

export function QuickIntakePage() {
  const { t, i18n } = useTranslation();
  const info = useSessionInfo();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const knownPersonId = params.get('personId') ? Number(params.get('personId')) : undefined;
  const known = useRpcQuery('people.get', { id: knownPersonId ?? 0 }, { enabled: knownPersonId !== undefined });
  const [formError, setFormError] = useState<string | null>(null);
  const base = useMemo(() => zodResolver(registerInput) as unknown as Resolver<Values>, []);
  const { control, handleSubmit, setError, getValues } = useForm<Values>({
    resolver: (values, ctx, opts) => base(cleanEmpty(values), ctx, opts),
    defaultValues: { person: { name: '', description: '' }, channel: 'walk_in', channelDetail: {}, arrivedAt: Date.now(), personId: knownPersonId },
  });
  const [name, sex, estimatedAge, idNumber, channel, arrivedAt] = useWatch({
    control,
    name: ['person.name', 'person.sex', 'person.estimatedAge', 'person.idNumber', 'channel', 'arrivedAt'],
  });
  // Registered long after the arrival: the reason is asked for here, as the contract will require it.
  const late = typeof arrivedAt === 'number' && arrivedAt < Date.now() - info.lateRegistrationHours * 3_600_000;
  const matches = useMatches(name, sex, estimatedAge, idNumber);

  const register = async (values: Values) => {
    setFormError(null);
    const r = await api().call('intake.register', cleanEmpty(values));
    if (r.ok) navigate(`/intake/stay/${r.value.stayId}`);
    else setFormError(applyServerError(r.error, setError, t, FIELDS));
  };
  const submit = handleSubmit(register);
  const linkMatch = (personId: number) => {
    const v = getValues();
    void register({ personId, channel: v.channel, channelDetail: v.channelDetail, arrivedAt: v.arrivedAt, lateReason: v.lateReason });
  };

  return (
    <Row gutter={16}>
      <Col xs={24} lg={14}>
        <Card title={t('intake.quick.title')}>
          <Alert type="info" showIcon title={t('intake.quick.intro')} style={{ marginBottom: 16 }} />
          <Form layout="vertical" component="form" onSubmitCapture={(e) => (e.preventDefault(), void submit())}>
            {knownPersonId && known.data ? (
              <Alert type="success" showIcon style={{ marginBottom: 16 }} title={`${clientLabel(t, known.data)} · #${known.data.id}`} />
            ) : (
              <>
                <div className="form-row">
                  <FormField control={control} name="person.name" label={t('intake.quick.name')} extra={t('intake.quick.nameUnknown')}>
                    {(f) => <Input {...f} value={f.value ?? ''} autoFocus />}
                  </FormField>
                  <FormField control={control} name="person.sex" label={t('intake.quick.sex')}>
                    {(f) => (
                      <Radio.Group id={f.id} value={f.value} onChange={(e) => f.onChange(e.target.value)} optionType="button" buttonStyle="solid"
                        options={SEXES.map((s) => ({ value: s, label: t(`intake.sex.${s}`) }))} />
                    )}
                  </FormField>
                </div>
                <FormField control={control} name="person.description" label={t('intake.quick.description')}>
                  {(f) => <Input.TextArea {...f} value={f.value ?? ''} rows={2} placeholder={t('intake.quick.descriptionPlaceholder')} />}
                </FormField>
                <div className="form-row">
                  <FormField control={control} name="person.estimatedAge" label={t('intake.quick.estimatedAge')}>
                    {(f) => <InputNumber id={f.id} value={f.value} onChange={(v) => f.onChange(v ?? undefined)} min={0} max={120} style={{ width: '100%' }} />}
                  </FormField>
                  <FormField control={control} name="person.idNumber" label={t('intake.quick.idNumber')}>
                    {(f) => <Input {...f} value={f.value ?? ''} maxLength={18} />}
                  </FormField>
                </div>
              </>
            )}
            <div className="form-row">
              <FormField control={control} name="channel" label={t('intake.quick.channel')} required>
                {(f) => <Select {...f} options={ARRIVAL_CHANNELS.map((c) => ({ value: c, label: t(`intake.channels.${c}`) }))} />}
              </FormField>
              <FormField control={control} name="arrivedAt" label={t('intake.quick.arrivedAt')} required>
                {(f) => <StationTimePicker id={f.id} timeZone={info.timeZone} style={{ width: '100%' }} value={f.value} onChange={f.onChange} />}
              </FormField>
            </div>
            {late && (
              <FormField control={control} name="lateReason" label={t('intake.quick.lateReason')} required
                extra={t('intake.quick.lateReasonHint', { hours: info.lateRegistrationHours })}>
                {(f) => <Input {...f} value={f.value ?? ''} />}
              </FormField>
            )}
            {UNIT_CHANNELS.includes(channel) && (
              <div className="form-row">
                <FormField control={control} name="channelDetail.unit" label={t('intake.quick.unit')} required={channel === 'police'}>
                  {(f) => <Input {...f} value={f.value ?? ''} />}
                </FormField>
                <FormField control={control} name="channelDetail.officers" label={t('intake.quick.officers')}>
                  {(f) => <Input {...f} value={f.value ?? ''} />}
                </FormField>
              </div>
            )}
            {channel === 'police' && (
              <FormField control={control} name="channelDetail.handoverAt" label={t('intake.quick.handoverAt')}>
                {(f) => <StationTimePicker id={f.id} timeZone={info.timeZone} style={{ width: '50%' }} value={f.value} onChange={f.onChange} />}
              </FormField>
            )}
            {channel === 'public_tip' && (
              <div className="form-row">
                <FormField control={control} name="channelDetail.referrer" label={t('intake.quick.referrer')}>
                  {(f) => <Input {...f} value={f.value ?? ''} />}
                </FormField>
                <FormField control={control} name="channelDetail.phone" label={t('intake.quick.phone')}>
                  {(f) => <Input {...f} value={f.value ?? ''} />}
                </FormField>
              </div>
            )}
            {formError && <Alert type="error" showIcon title={formError} style={{ marginBottom: 16 }} />}
            <Button type="primary" htmlType="submit" size="large" block>
              {t('intake.quick.submit')}
            </Button>
          </Form>
        </Card>
      </Col>
      {!knownPersonId && (
        <Col xs={24} lg={10}>
          <Card title={t('intake.quick.matches')} data-testid="matches">
            <Typography.Paragraph type="secondary">{t('intake.quick.matchesHint')}</Typography.Paragraph>
            {matches.length === 0 ? (
              <Empty description={t('intake.quick.noMatches')} image={Empty.PRESENTED_IMAGE_SIMPLE} />
            ) : (
              <List
                dataSource={matches}
                renderItem={(m) => (
                  <List.Item key={m.id} data-testid={`match-${m.id}`}>
                    <div style={{ width: '100%' }}>
                      <Space wrap>
                        <Typography.Text strong>{clientLabel(t, m)}</Typography.Text>
                        {m.sex && <Tag>{t(`intake.sex.${m.sex}`)}</Tag>}
                        {m.age !== null && <Tag>{m.age}</Tag>}
                        {m.reasons.map((r) => (
                          <Tag key={r} color="orange">{t(`intake.quick.reasons.${r}`)}</Tag>
                        ))}
                      </Space>
                      <div style={{ margin: '6px 0' }}>
                        <Typography.Text type="secondary">{t('intake.quick.pastStays')}: </Typography.Text>
                        {m.stays.slice(0, 3).map((s) => (
                          <Tag key={s.id} color={STATUS_COLOR[s.status]}>
                            {when(s.arrivedAt, i18n.language, info.timeZone).slice(0, 10)} {t(`intake.status.${s.status}`)}
                          </Tag>
                        ))}
                      </div>
                      <Button type="primary" ghost onClick={() => linkMatch(m.id)}>
                        {t('intake.quick.useMatch')}
                      </Button>
                    </div>
                  </List.Item>
                )}
              />
            )}
          </Card>
        </Col>
      )}
    </Row>
  );
}
