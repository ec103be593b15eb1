// A signature on screen: the elder signs with a finger (or a mouse) on a white pad; 清除 starts again. What is drawn is
// handed up as a PNG data URL once a stroke ends (null while the pad is empty). Pointer events: touch, pen and mouse.
import { Button, Group, Text } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

export function SignaturePad({ value, onChange, error }: { value: string | null; onChange: (png: string | null) => void; error?: string }) {
  const { t } = useTranslation();
  const canvas = useRef<HTMLCanvasElement>(null);
  const drawing = useRef(false);
  const drawn = useRef(false);

  useEffect(() => {
    const c = canvas.current;
    if (!c) return;
    const ctx = c.getContext('2d');
    if (!ctx) return;
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, c.width, c.height);
    if (value) {
      const img = new Image();
      img.onload = () => ctx.drawImage(img, 0, 0);
      img.src = value;
      drawn.current = true;
    }
    // only when mounted: later values are what the pad itself drew (value is not a dependency on purpose)
  }, []);

  const point = (e: React.PointerEvent<HTMLCanvasElement>) => {
    const c = canvas.current!;
    const box = c.getBoundingClientRect();
    return { x: ((e.clientX - box.left) * c.width) / box.width, y: ((e.clientY - box.top) * c.height) / box.height };
  };
  const start = (e: React.PointerEvent<HTMLCanvasElement>) => {
    const ctx = canvas.current?.getContext('2d');
    if (!ctx) return;
    e.currentTarget.setPointerCapture(e.pointerId);
    drawing.current = true;
    const p = point(e);
    ctx.lineWidth = 4;
    ctx.lineCap = 'round';
    ctx.lineJoin = 'round';
    ctx.strokeStyle = '#000';
    ctx.beginPath();
    ctx.moveTo(p.x, p.y);
    ctx.lineTo(p.x + 0.1, p.y + 0.1);
    ctx.stroke();
  };
  const move = (e: React.PointerEvent<HTMLCanvasElement>) => {
    if (!drawing.current) return;
    const ctx = canvas.current?.getContext('2d');
    if (!ctx) return;
    const p = point(e);
    ctx.lineTo(p.x, p.y);
    ctx.stroke();
    drawn.current = true;
  };
  const end = () => {
    if (!drawing.current) return;
    drawing.current = false;
    drawn.current = true;
    onChange(canvas.current!.toDataURL('image/png'));
  };
  const clear = () => {
    const c = canvas.current;
    const ctx = c?.getContext('2d');
    if (!c || !ctx) return;
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, c.width, c.height);
    drawn.current = false;
    onChange(null);
  };
  return (
    <div>
      <Group justify="space-between" mb={4}>
        <Text fw={700}>{t('homecare.delivery.signHere')}</Text>
        <Button variant="outline" size="md" onClick={clear}>
          {t('homecare.delivery.signClear')}
        </Button>
      </Group>
      <canvas
        ref={canvas}
        width={600}
        height={200}
        aria-label={t('homecare.delivery.signPad')}
        data-testid="signature-pad"
        onPointerDown={start}
        onPointerMove={move}
        onPointerUp={end}
        onPointerCancel={end}
        onPointerLeave={end}
        style={{ width: '100%', maxWidth: 600, aspectRatio: '3 / 1', border: `2px ${error ? 'solid var(--mantine-color-danger-6, #c00)' : 'dashed #888'}`, borderRadius: 8, touchAction: 'none', background: '#fff', display: 'block' }}
      />
      {error && (
        <Text c="danger" size="sm" mt={4}>
          {error}
        </Text>
      )}
    </div>
  );
}
