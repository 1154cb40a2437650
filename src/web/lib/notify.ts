import { notifications } from '@mantine/notifications';

export function notifySuccess(message: string): void {
  notifications.show({ message, color: 'teal', autoClose: 3000 });
}

export function notifyError(title: string, message: string): void {
  notifications.show({ title, message, color: 'red', autoClose: 6000 });
}
