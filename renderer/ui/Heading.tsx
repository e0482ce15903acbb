import { Stack, Text, Title, type TitleOrder } from '@mantine/core';

interface HeadingProps {
  title: string;
  /** The line under the title that says what follows. */
  hint: string;
  order: TitleOrder;
  size?: string;
  color?: string;
  id?: string;
}

/** A title with its one-line explanation, kept together as one block. */
export function Heading({ title, hint, order, size, color, id }: HeadingProps) {
  return (
    <Stack gap={2}>
      <Title order={order} size={size} c={color} id={id}>
        {title}
      </Title>
      <Text size="sm" c="gray.7">
        {hint}
      </Text>
    </Stack>
  );
}
