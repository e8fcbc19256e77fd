
#compdef track

_track_completion() {
  eval $(env _TYPER_COMPLETE_ARGS="${words[1,$CURRENT]}" _TRACK_COMPLETE=complete_zsh track)
}

compdef _track_completion track

