import { Box, Skeleton, Stack } from '@mantine/core';

/** Shown while a page's code loads for the first time: the shape of a page, never a blank. */
export function PageSkeleton() {
  return (
    <Box px="xl" py="lg" aria-busy="true">
      <Stack gap="md">
        <Skeleton height={32} width={280} />
        <Skeleton height={14} width={420} />
        <Skeleton height={220} mt="md" />
      </Stack>
    </Box>
  );
}
