// Notifications with a named close button (screen readers) and a plain colour per outcome.
import { notifications } from '@mantine/notifications';

const closeButtonProps = { 'aria-label': '关闭提示' };

export function notifySuccess(message: string) {
  notifications.show({ color: 'green.9', message, closeButtonProps });
}

/** `stays`: a message to act on (the disk is full) stays until it is closed, instead of going after 10 seconds. */
export function notifyError(message: string, stays = false) {
  notifications.show({ color: 'red.9', title: '未保存', message, autoClose: stays ? false : 10_000, closeButtonProps });
}
