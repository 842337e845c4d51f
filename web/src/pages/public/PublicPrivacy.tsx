/**
 * 哪些内容会公开: told to the resident before they submit and beside their tracking result, in
 * the words of the server's public projection (src/domains/public-intake, docs/security.md).
 */
import { Typography } from 'antd';

export function PublicPrivacyNote({ compact = false }: { compact?: boolean }) {
  if (compact)
    return (
      <Typography.Paragraph type="secondary" className="public-privacy-compact">
        为保护个人信息，这里不显示您填写的原文、姓名、电话和详细地址；办理人员公开的情况说明和答复会隐去号码、门牌号和姓名后显示在这里。
      </Typography.Paragraph>
    );
  return (
    <div className="public-privacy" data-testid="public-privacy">
      <div className="public-privacy-title">哪些内容会公开</div>
      <ul>
        <li>
          <b>公开</b>
          ：诉求类别、所在村（社区）、办理状态和各环节时间、承诺办结时间，以及您上传的照片。凭查询码可以查看，对外接口提供同样的内容。
        </li>
        <li>
          <b>经办人决定是否公开</b>
          ：一段情况说明、办理答复和现场照片。公开前系统会自动隐去其中的电话号码、身份证号、门牌号和姓名。
        </li>
        <li>
          <b>不公开</b>：您写的原文、姓名、电话、详细地址和位置，只有办理人员可以查看。
        </li>
      </ul>
    </div>
  );
}
