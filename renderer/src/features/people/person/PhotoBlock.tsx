import { UploadOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, App, Button, Space, Spin, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type PersonDetail } from '../../../../../shared/contract/people';
import { useRpcMutation, useRpcQuery } from '../../../api/hooks';
import { errorText } from '../../../components/serverErrors';
import { clientLabel } from '../../../components/format';

/** The photo rule of the contract: a JPEG or PNG of at most about 600 kB. */
const PHOTO_MAX_BYTES = 600_000;
const PHOTO_TYPES = ['image/jpeg', 'image/png'] as const;
type PhotoType = (typeof PHOTO_TYPES)[number];

function readAsBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = String(reader.result ?? '');
      const comma = url.indexOf(',');
      if (comma < 0) reject(new Error('unreadable'));
      else resolve(url.slice(comma + 1));
    };
    reader.onerror = () => reject(reader.error ?? new Error('unreadable'));
    reader.readAsDataURL(file);
  });
}

export function PhotoBlock({ person, canWrite }: { person: PersonDetail; canWrite: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const photo = useRpcQuery('people.photo', { id: person.id });
  const setPhoto = useRpcMutation('people.setPhoto', ['intake']); // a stay's person says whether there is a photo
  const [problem, setProblem] = useState<string | null>(null);

  const upload = async (file: File) => {
    setProblem(null);
    if (!(PHOTO_TYPES as readonly string[]).includes(file.type)) return setProblem(t('people.photo.type'));
    if (file.size > PHOTO_MAX_BYTES) return setProblem(t('people.photo.tooLarge', { size: Math.ceil(file.size / 1000) }));
    let dataBase64: string;
    try {
      dataBase64 = await readAsBase64(file);
    } catch {
      return setProblem(t('people.photo.readError'));
    }
    const r = await setPhoto.mutateAsync({ id: person.id, dataBase64, type: file.type as PhotoType });
    if (!r.ok) {
      const field = r.error.fields?.dataBase64;
      setProblem(field ? t(field) : errorText(r.error, t));
    } else void message.success(t('people.photo.saved'));
  };

  const src = photo.data ? `data:${photo.data.type};base64,${photo.data.dataBase64}` : null;
  return (
    <Space orientation="vertical" size="small" style={{ width: '100%' }}>
      <div className="person-photo">
        {photo.isLoading ? (
          <Spin />
        ) : src ? (
          <img src={src} alt={t('people.photo.alt', { name: clientLabel(t, person) })} data-testid="person-photo" />
        ) : (
          <div className="person-photo-none">
            <UserOutlined style={{ fontSize: 48 }} />
            <div>{t('people.photo.none')}</div>
          </div>
        )}
      </div>
      {canWrite && (
        <>
          <Upload
            accept={PHOTO_TYPES.join(',')}
            showUploadList={false}
            maxCount={1}
            beforeUpload={(file) => {
              void upload(file);
              return false;
            }}
          >
            <Button icon={<UploadOutlined />} loading={setPhoto.isPending} block style={{ width: 200 }}>
              {src ? t('people.photo.replace') : t('people.photo.upload')}
            </Button>
          </Upload>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('people.photo.hint')}
          </Typography.Text>
        </>
      )}
      {problem && <Alert type="error" showIcon title={problem} style={{ width: 200 }} />}
    </Space>
  );
}

/** A short line that tells two records apart: name, sex, age, the ID number's tail, number, last stay. */