/**
 * Scans a permit's QR with the phone's camera where the browser can (the BarcodeDetector
 * API: Chrome on Android); elsewhere the button is not shown and typing or pasting works.
 */
import { useEffect, useRef, useState } from 'react';
import { Button, Modal, Typography } from 'antd';
import { CameraOutlined } from '@ant-design/icons';
import { defineMessages, useI18n } from '../../../app/i18n';

const m = defineMessages({
  scan: ['扫码', 'Scan'],
  title: ['对准许可证上的二维码', 'Point at the permit’s QR code'],
  noCamera: ['无法打开摄像头，请输入或粘贴验证码', 'The camera cannot be opened; type or paste the code'],
});

type Detector = { detect: (source: CanvasImageSource) => Promise<{ rawValue: string }[]> };
type DetectorCtor = new (opts: { formats: string[] }) => Detector;

const Ctor = (globalThis as { BarcodeDetector?: DetectorCtor }).BarcodeDetector;

export function ScanButton({ onCode }: { onCode: (text: string) => void }) {
  const { t } = useI18n(m);
  const [open, setOpen] = useState(false);
  const [failed, setFailed] = useState(false);
  const video = useRef<HTMLVideoElement>(null);

  useEffect(() => {
    if (!open || !Ctor) return;
    let stream: MediaStream | null = null;
    let timer = 0;
    let stopped = false;
    const detector = new Ctor({ formats: ['qr_code'] });
    const tick = async () => {
      if (stopped || !video.current) return;
      try {
        const found = await detector.detect(video.current);
        if (found[0]?.rawValue) {
          setOpen(false);
          onCode(found[0].rawValue);
          return;
        }
      } catch {
        /* a frame not ready yet */
      }
      timer = window.setTimeout(tick, 250);
    };
    navigator.mediaDevices
      .getUserMedia({ video: { facingMode: 'environment' } })
      .then((s) => {
        stream = s;
        if (stopped) return s.getTracks().forEach((x) => x.stop());
        video.current!.srcObject = s;
        void video.current!.play();
        void tick();
      })
      .catch(() => setFailed(true));
    return () => {
      stopped = true;
      window.clearTimeout(timer);
      stream?.getTracks().forEach((x) => x.stop());
    };
  }, [open, onCode]);

  if (!Ctor || !navigator.mediaDevices?.getUserMedia) return null;
  return (
    <>
      <Button size="large" icon={<CameraOutlined />} onClick={() => { setFailed(false); setOpen(true); }} data-testid="verify-scan">{t('scan')}</Button>
      <Modal open={open} title={t('title')} footer={null} onCancel={() => setOpen(false)} destroyOnHidden>
        {failed ? <Typography.Text type="danger">{t('noCamera')}</Typography.Text> : <video ref={video} muted playsInline style={{ width: '100%', borderRadius: 8, background: '#000' }} />}
      </Modal>
    </>
  );
}
