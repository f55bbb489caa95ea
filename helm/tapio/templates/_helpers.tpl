{{- define "tapio.fullname" -}}
{{- printf "%s" .Release.Name | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "tapio.labels" -}}
app.kubernetes.io/name: tapio
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
{{- end -}}

{{- define "tapio.selectorLabels" -}}
app.kubernetes.io/name: tapio
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end -}}
