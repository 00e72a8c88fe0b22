import '@mantine/core/styles/InlineInput.layer.css';
import '@mantine/core/styles/CheckboxCard.layer.css';
import '@mantine/core/styles/CheckboxIndicator.layer.css';
import '@mantine/core/styles/Checkbox.layer.css';
import '@mantine/core/styles/PasswordInput.layer.css';
import '@mantine/core/styles/Tabs.layer.css';
import {
  Alert,
  Anchor,
  Button,
  Checkbox,
  Code,
  Paper,
  PasswordInput,
  Stack,
  Tabs,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { loginWithPassword, loginWithToken } from '../../api/auth/login.ts';
import type { InstanceConfig } from '../../api/instances.ts';
import { alyxKeys, isSchemaKey } from '../../api/queries/keys.ts';
import { paths } from '../../config/paths.ts';
import { setAccount } from '../../lib/account-store.ts';
import { loginErrorMessage } from './login-error.ts';
import { DemoAccounts } from './DemoAccounts.tsx';
import { safeNext } from './safe-next.ts';

type Credentials =
  | { mode: 'password'; username: string; password: string; remember: boolean }
  | { mode: 'token'; token: string; remember: boolean };

export function LoginView({ instance, next }: { instance: InstanceConfig; next?: string }) {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [mode, setMode] = useState<'password' | 'token'>('password');
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [token, setTokenText] = useState('');
  const [remember, setRemember] = useState(false);

  const login = useMutation({
    mutationFn: async (credentials: Credentials) => {
      if (credentials.mode === 'password') {
        await loginWithPassword(instance, credentials.username, credentials.password, {
          remember: credentials.remember,
        });
        return credentials.username;
      }
      await loginWithToken(instance, credentials.token, { remember: credentials.remember });
      return null;
    },
    onSuccess: async (name, credentials) => {
      setAccount(instance.name, { username: name, readOnly: false }, credentials.remember);
      // Another account's records must not show through; the schema is the same for everyone.
      queryClient.removeQueries({
        queryKey: alyxKeys.instance(instance.name),
        predicate: (query) => !isSchemaKey(query.queryKey, instance.name),
      });
      await navigate(safeNext(next, paths.instance(instance.name)), { replace: true });
    },
  });

  const submit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    login.mutate(
      mode === 'password'
        ? { mode, username: username.trim(), password, remember }
        : { mode, token, remember },
    );
  };

  return (
    <Paper withBorder p="lg" maw={420} mx="auto" mt="xl" radius="md">
      <form onSubmit={submit} aria-labelledby="login-title">
        <Stack gap="md">
          <div>
            <Title order={2} id="login-title">
              Log in to {instance.name}
            </Title>
            <Text size="sm" c="dimmed">
              <Anchor href={instance.url} target="_blank" rel="noopener noreferrer">
                {instance.url}
              </Anchor>
            </Text>
          </div>
          {instance.sandbox ? <DemoAccounts /> : null}
          <Tabs value={mode} onChange={(value) => setMode(value === 'token' ? 'token' : 'password')}>
            <Tabs.List grow>
              <Tabs.Tab value="password">Username and password</Tabs.Tab>
              <Tabs.Tab value="token">Use a token instead</Tabs.Tab>
            </Tabs.List>
            <Tabs.Panel value="password" pt="md">
              <Stack gap="sm">
                <TextInput
                  label="Username"
                  autoComplete="username"
                  value={username}
                  onChange={(event) => setUsername(event.currentTarget.value)}
                  required={mode === 'password'}
                  withAsterisk={false}
                  data-autofocus
                />
                <PasswordInput
                  label="Password"
                  autoComplete="current-password"
                  value={password}
                  onChange={(event) => setPassword(event.currentTarget.value)}
                  required={mode === 'password'}
                  withAsterisk={false}
                />
              </Stack>
            </Tabs.Panel>
            <Tabs.Panel value="token" pt="md">
              <PasswordInput
                label="Token"
                description={
                  <>
                    A key from <Code>POST /auth-token</Code> or ONE&apos;s cache, sent as{' '}
                    <Code>Authorization: Token …</Code>
                  </>
                }
                value={token}
                onChange={(event) => setTokenText(event.currentTarget.value)}
                required={mode === 'token'}
                withAsterisk={false}
                autoComplete="off"
              />
            </Tabs.Panel>
          </Tabs>
          <Checkbox
            label="Remember me"
            description="Keep the token after the browser closes (otherwise it lasts for this tab)"
            checked={remember}
            onChange={(event) => setRemember(event.currentTarget.checked)}
          />
          {login.isError ? (
            <Alert color="red" variant="light" role="alert" title="Login failed">
              {loginErrorMessage(login.error)}
            </Alert>
          ) : null}
          <Button type="submit" loading={login.isPending}>
            Log in
          </Button>
        </Stack>
      </form>
    </Paper>
  );
}
