// After a switch this PC is signed out (the accounts may be the other store's): the sign-in screen comes up, and this
// says plainly why and with which accounts to sign in.
import { notifications } from '@mantine/notifications';

export function saySwitched(message: string) {
  notifications.show({ color: 'ok', message, autoClose: 30_000, closeButtonProps: { 'aria-label': '关闭提示' } });
}
