// Notifications with a named close button (screen readers) and a plain colour per outcome.
import { notifications } from '@mantine/notifications';

const closeButtonProps = { 'aria-label': '关闭提示' };

export function notifySuccess(message: string) {
  notifications.show({ color: 'green.9', message, closeButtonProps });
}

export function notifyError(message: string) {
  notifications.show({ color: 'red.9', title: '未保存', message, autoClose: 10_000, closeButtonProps });
}
