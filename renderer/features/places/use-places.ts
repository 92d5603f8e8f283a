import { useEffect, useState } from 'react';
import { loadPlaces, type Places } from '../../core/geo';

/** The place table once loaded; undefined while it loads (or if it could not be read). */
export function usePlaces(): Places | undefined {
  const [places, setPlaces] = useState<Places>();
  useEffect(() => {
    let live = true;
    loadPlaces().then((p) => live && setPlaces(p), () => undefined);
    return () => { live = false; };
  }, []);
  return places;
}
