/**
 * 我要反映: the resident's appeal form (category, village, what happened, up to three public
 * photos, optional name and phone). A submission carries an idempotency key that is kept until
 * the server confirms, so a retry after a lost answer cannot file it twice.
 */
import { PictureOutlined } from '@ant-design/icons';
import { App, Button, Form, Input, Select, Upload, type FormInstance, type UploadFile } from 'antd';
import { useState } from 'react';
import { ApiError } from '../../api/client.ts';
import { publicApi, type PublicCatalog, type PublicReceipt } from '../../api/appeals.ts';
import { useApiErrorHandler } from '../../api/errors.ts';
import { PublicPrivacyNote } from './PublicPrivacy.tsx';
import { MAX_PHOTOS, PHOTO_ACCEPT, sendPhotos } from './publicPhotos.ts';

/** A random key for one submission; crypto.randomUUID needs a secure context, intranets are often http. */
function newKey(): string {
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

const KEY_STORE = 'lvzhi.public.idempotencyKey';

interface FormValues {
  rootCode: string;
  categoryCode?: string;
  villageId: string;
  content: string;
  contactName?: string;
  contactPhone?: string;
}

/** Files the appeal, then its photos; on success clears the form and hands over the receipt. */
function useSubmitAppeal(
  form: FormInstance<FormValues>,
  townCode: string,
  onDone: (r: PublicReceipt) => void,
) {
  const onError = useApiErrorHandler();
  const { message } = App.useApp();
  const [saving, setSaving] = useState(false);
  const [photos, setPhotos] = useState<UploadFile[]>([]);

  const submit = async (v: FormValues) => {
    setSaving(true);
    // One key per submission, kept until the server answers: a retry cannot file it twice.
    const key = sessionStorage.getItem(KEY_STORE) ?? newKey();
    sessionStorage.setItem(KEY_STORE, key);
    const content = v.content.trim();
    try {
      const receipt = await publicApi.submit(
        townCode,
        {
          categoryCode: v.categoryCode || v.rootCode,
          villageId: v.villageId,
          title: content.replace(/\s+/g, ' ').slice(0, 30),
          content,
          contactName: v.contactName?.trim() || undefined,
          contactPhone: v.contactPhone?.trim() || undefined,
        },
        key,
      );
      sessionStorage.removeItem(KEY_STORE);
      const failed = await sendPhotos(
        receipt.trackingCode,
        photos.map((p) => p.originFileObj).filter((f): f is NonNullable<typeof f> => !!f),
      );
      if (failed)
        void message.warning(
          `诉求已提交，但有 ${failed} 张照片未能上传（须为 10 MB 以内的 JPG、PNG）`,
        );
      form.resetFields();
      setPhotos([]);
      onDone(receipt);
    } catch (err) {
      // The content changed since the first try.
      if (err instanceof ApiError && err.status === 409) sessionStorage.removeItem(KEY_STORE);
      onError(err, { form });
    } finally {
      setSaving(false);
    }
  };
  return { submit, saving, photos, setPhotos };
}

/** 反映什么方面的事, then its sub-category when it has any. */
function CategoryFields({
  catalog,
  form,
}: {
  catalog: PublicCatalog;
  form: FormInstance<FormValues>;
}) {
  const rootCode = Form.useWatch('rootCode', form);
  const subs = catalog.categories.find((c) => c.code === rootCode)?.children ?? [];
  return (
    <>
      <Form.Item
        name="rootCode"
        label="反映什么方面的事"
        rules={[{ required: true, message: '请选择' }]}
      >
        <Select
          placeholder="请选择"
          options={catalog.categories.map((c) => ({ value: c.code, label: c.name }))}
          onChange={() => form.setFieldValue('categoryCode', undefined)}
          data-testid="public-category"
        />
      </Form.Item>
      {subs.length > 0 && (
        <Form.Item name="categoryCode" label="具体类别（可不选）">
          <Select
            placeholder="可不选"
            allowClear
            options={subs.map((c) => ({ value: c.code, label: c.name }))}
          />
        </Form.Item>
      )}
    </>
  );
}

function PhotoField({
  photos,
  onChange,
}: {
  photos: UploadFile[];
  onChange: (photos: UploadFile[]) => void;
}) {
  return (
    <Form.Item
      label={`现场照片（可不传，最多 ${MAX_PHOTOS} 张）`}
      extra="照片会在查询进度页公开显示，请不要拍身份证件等个人信息"
    >
      <Upload
        accept={PHOTO_ACCEPT}
        listType="picture"
        multiple
        maxCount={MAX_PHOTOS}
        fileList={photos}
        beforeUpload={() => false}
        onChange={({ fileList }) => onChange(fileList.slice(0, MAX_PHOTOS))}
        data-testid="public-photos"
      >
        {photos.length < MAX_PHOTOS && <Button icon={<PictureOutlined />}>添加照片</Button>}
      </Upload>
    </Form.Item>
  );
}

/** 怎么称呼您 and 联系电话, both optional. */
function ContactFields() {
  return (
    <>
      <Form.Item name="contactName" label="怎么称呼您（可不填）">
        <Input maxLength={50} autoComplete="name" />
      </Form.Item>
      <Form.Item
        name="contactPhone"
        label="联系电话（可不填，便于回复您）"
        rules={[
          {
            pattern: /^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/,
            message: '请填写 11 位手机号或带区号的固定电话',
          },
        ]}
      >
        <Input maxLength={20} inputMode="tel" autoComplete="tel" />
      </Form.Item>
    </>
  );
}

export function PublicSubmitForm({
  catalog,
  townCode,
  onDone,
}: {
  catalog: PublicCatalog;
  townCode: string;
  onDone: (r: PublicReceipt) => void;
}) {
  const [form] = Form.useForm<FormValues>();
  const { submit, saving, photos, setPhotos } = useSubmitAppeal(form, townCode, onDone);
  return (
    <Form
      form={form}
      layout="vertical"
      onFinish={submit}
      requiredMark={false}
      size="large"
      onValuesChange={() => sessionStorage.removeItem(KEY_STORE)}
    >
      <CategoryFields catalog={catalog} form={form} />
      <Form.Item
        name="villageId"
        label="所在村（社区）"
        rules={[{ required: true, message: '请选择所在村（社区）' }]}
      >
        <Select
          placeholder="请选择"
          showSearch
          optionFilterProp="label"
          options={catalog.villages.map((v) => ({ value: v.id, label: v.name }))}
          data-testid="public-village"
        />
      </Form.Item>
      <Form.Item
        name="content"
        label="具体情况"
        rules={[
          {
            required: true,
            whitespace: true,
            min: 5,
            message: '请写下您要反映的情况（至少 5 个字）',
          },
        ]}
      >
        <Input.TextArea
          rows={5}
          maxLength={2000}
          showCount
          placeholder="什么时间、什么地点、什么事，希望怎么解决"
        />
      </Form.Item>
      <PhotoField photos={photos} onChange={setPhotos} />
      <ContactFields />
      <PublicPrivacyNote />
      <Button type="primary" htmlType="submit" block loading={saving}>
        提交
      </Button>
    </Form>
  );
}
