/**
 * 摄像头扫码, where the browser can (BarcodeDetector and a camera, e.g. Chrome on Android): the
 * back camera's picture is read a few times a second until a QR code appears, which then fills
 * the scan box. Elsewhere the button is not shown: a scanner app or pasting does the same.
 */
import { useEffect, useRef, useState } from 'react';
import { Button, Modal, Typography } from 'antd';
import { CameraOutlined } from '@ant-design/icons';
import { defineMessages, useI18n } from '../../../app/i18n';

const m = defineMessages({
  camera: ['摄像头扫码', 'Use the camera'],
  title: ['对准录取通知书上的二维码', 'Point at the letter’s QR code'],
  denied: ['无法使用摄像头：{e}', 'The camera is not available: {e}'],
});

type Detector = { detect(source: HTMLVideoElement): Promise<Array<{ rawValue: string }>> };
type DetectorClass = new (o: { formats: string[] }) => Detector;

const detectorClass = (): DetectorClass | null =>
  typeof window !== 'undefined' && 'BarcodeDetector' in window && !!navigator.mediaDevices?.getUserMedia
    ? (window as unknown as { BarcodeDetector: DetectorClass }).BarcodeDetector
    : null;

export function CameraScan({ onCode }: { onCode: (code: string) => void }) {
  const { t } = useI18n(m);
  const [open, setOpen] = useState(false);
  if (!detectorClass()) return null;
  return (
    <>
      <Button icon={<CameraOutlined />} onClick={() => setOpen(true)} data-testid="en-scan-camera">{t('camera')}</Button>
      {open && <CameraModal onClose={() => setOpen(false)} onCode={(c) => { setOpen(false); onCode(c); }} />}
    </>
  );
}

function CameraModal({ onClose, onCode }: { onClose: () => void; onCode: (code: string) => void }) {
  const { t } = useI18n(m);
  const video = useRef<HTMLVideoElement>(null);
  const [error, setError] = useState<string | null>(null);
  // The camera starts once; the latest callback is read when a code appears.
  const found = useRef(onCode);
  found.current = onCode;
  useEffect(() => {
    let stream: MediaStream | null = null;
    let timer: ReturnType<typeof setInterval> | undefined;
    let stopped = false;
    const Cls = detectorClass()!;
    const detector = new Cls({ formats: ['qr_code'] });
    navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' } }).then(async (s) => {
      if (stopped) return s.getTracks().forEach((x) => x.stop());
      stream = s;
      video.current!.srcObject = s;
      await video.current!.play();
      timer = setInterval(() => {
        void detector.detect(video.current!).then((codes) => {
          if (!stopped && codes[0]?.rawValue) found.current(codes[0].rawValue);
        }).catch(() => undefined);
      }, 300);
    }).catch((e: Error) => setError(e.message));
    return () => {
      stopped = true;
      clearInterval(timer);
      stream?.getTracks().forEach((x) => x.stop());
    };
  }, []);
  return (
    <Modal open title={t('title')} footer={null} onCancel={onClose} destroyOnHidden>
      {error ? <Typography.Text type="danger">{t('denied', { e: error })}</Typography.Text> : <video ref={video} muted playsInline style={{ width: '100%', borderRadius: 8 }} />}
    </Modal>
  );
}
