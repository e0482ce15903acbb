import { Modal, type ModalProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/**
 * Every dialog of the app: Mantine's Modal with a named close button, and inert from the moment it
 * is told to close. Its content takes the focus a task after it appears (Mantine's focus trap, on
 * a timer); a dialog closed before then (Escape pressed at once, as a busy machine allows) would
 * otherwise pull the focus into its closing content, and the focus would fall to the page instead of
 * going back to the control that opened it. Inert content cannot take the focus.
 */
export function Dialog({ closeButtonProps, ...props }: ModalProps) {
  const { t } = useTranslation();
  return <Modal inert={!props.opened} {...props} closeButtonProps={{ 'aria-label': t('dialog.close'), ...closeButtonProps }} />;
}
