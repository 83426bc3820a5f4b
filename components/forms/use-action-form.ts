"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useState, useTransition } from "react";
import { useForm, type DefaultValues, type FieldValues, type Path } from "react-hook-form";
import type { z } from "zod";
import type { ActionState } from "@/lib/action-result";

/**
 * react-hook-form on the zod schema the server also uses, submitting to a server action.
 * Field errors the server finds are put back on their fields; the form-level message is kept
 * in `state` for an aria-live region.
 */
export function useActionForm<S extends z.ZodType<FieldValues, FieldValues>, R = unknown>(
  schema: S,
  defaultValues: DefaultValues<z.input<S>>,
  action: (values: z.output<S>) => Promise<ActionState<R>>,
  onSuccess?: (state: ActionState<R>, reset: () => void) => void,
) {
  const form = useForm<z.input<S>, unknown, z.output<S>>({ resolver: zodResolver(schema as never) as never, defaultValues });
  const [pending, startTransition] = useTransition();
  const [state, setState] = useState<ActionState<R> | null>(null);
  const onSubmit = form.handleSubmit((values) => {
    startTransition(async () => {
      const result = await action(values);
      setState(result);
      if (!result.ok) {
        for (const [field, messages] of Object.entries(result.fieldErrors ?? {})) {
          form.setError(field as Path<z.input<S>>, { message: messages[0] });
        }
      } else {
        onSuccess?.(result, () => form.reset());
      }
    });
  });
  return { form, pending, state, onSubmit, errorOf: (name: string) => form.getFieldState(name as Path<z.input<S>>, form.formState).error?.message };
}
