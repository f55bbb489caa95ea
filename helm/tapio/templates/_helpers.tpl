{{- define "tapio.fullname" -}}
{{- printf "%s" .Release.Name | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "tapio.labels" -}}
app.kubernetes.io/name: tapio
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version }}
{{- end -}}

{{- define "tapio.selectorLabels" -}}
app.kubernetes.io/name: tapio
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end -}}

{{- define "tapio.serviceAccountName" -}}
{{- if .Values.serviceAccount.create -}}
{{- default (include "tapio.fullname" .) .Values.serviceAccount.name -}}
{{- else -}}
{{- default "default" .Values.serviceAccount.name -}}
{{- end -}}
{{- end -}}

{{- define "tapio.image" -}}
{{- if .Values.image.digest -}}
{{- printf "%s@%s" .Values.image.repository .Values.image.digest -}}
{{- else -}}
{{- printf "%s:%s" .Values.image.repository (.Values.image.tag | default .Chart.AppVersion) -}}
{{- end -}}
{{- end -}}

{{- define "tapio.priorityClassName" -}}
{{- if .Values.priorityClass.create -}}
{{- default (printf "%s-node-critical" (include "tapio.fullname" .)) .Values.priorityClass.name -}}
{{- else -}}
{{- .Values.priorityClass.name -}}
{{- end -}}
{{- end -}}

{{- define "tapio.tokenSecretName" -}}
{{- default (printf "%s-http-token" (include "tapio.fullname" .)) .Values.http.tokenSecret.name -}}
{{- end -}}

{{/*
The capabilities the sensors and enrichment need, one per line; README.md's table says why each
is needed and the chart tests check the two agree.
*/}}
{{- define "tapio.capabilities" -}}
- BPF
- PERFMON
- NET_ADMIN
- SYS_PTRACE
- DAC_READ_SEARCH
{{- if .Values.capabilities.sysResource }}
- SYS_RESOURCE
{{- end }}
{{- end -}}

{{/* The OTLP endpoint's port: explicit, else the protocol's default. */}}
{{- define "tapio.otlpPort" -}}
{{- $url := urlParse .Values.otlp.endpoint -}}
{{- $hostPort := splitList ":" $url.host -}}
{{- if gt (len $hostPort) 1 -}}
{{- last $hostPort -}}
{{- else if eq $url.scheme "https" -}}
443
{{- else -}}
80
{{- end -}}
{{- end -}}

{{/* tapio.yaml: the user's config with what the chart decides laid over it. */}}
{{- define "tapio.config" -}}
{{- $chart := dict
  "host" (dict "root" "/host")
  "rules" (dict
    "directories" (list "/etc/tapio/rules.d")
    "bundled" (not .Values.customRulesReplaceDefaults))
  "http" (dict
    "address" (printf "0.0.0.0:%d" (int .Values.http.port))
    "tokenFile" "/var/run/secrets/tapio/http/token"
    "probesWithoutToken" true)
  "spool" (dict "directory" "/var/lib/tapio/spool") -}}
{{- toYaml (mergeOverwrite (deepCopy .Values.config) $chart) -}}
{{- end -}}
