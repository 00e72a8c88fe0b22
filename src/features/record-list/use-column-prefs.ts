import { useLocalStorage } from '@mantine/hooks';

/** The columns chosen for an endpoint, remembered across visits (any instance). */
export function useColumnPrefs(endpoint: string): [string[] | null, (columns: string[] | null) => void] {
  const [saved, setSaved] = useLocalStorage<string[] | null>({
    key: `alyx-explorer:columns:${endpoint}`,
    defaultValue: null,
    getInitialValueInEffect: false,
    deserialize: (text) => {
      if (!text) return null;
      try {
        const parsed: unknown = JSON.parse(text);
        return Array.isArray(parsed) && parsed.every((item) => typeof item === 'string') ? parsed : null;
      } catch {
        return null;
      }
    },
  });
  return [saved, setSaved];
}
