"""Pages of the accounts app: signing in and out, your account and password, and user management
for agency administrators. Thin: rules live in rules.py, services.py and selectors.py."""

from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse_lazy
from django.views.decorators.http import require_POST

from ocgshare import lists
from ocgshare.models import AccessSurface

from . import selectors, services
from .filters import UserFilterSet
from .forms import PasswordChangeForm, SignInForm, UserCreateForm, UserEditForm
from .rules import may_manage_users


class SignInView(auth_views.LoginView):
    form_class = SignInForm
    template_name = "accounts/sign_in.html"
    redirect_authenticated_user = True


class SignOutView(auth_views.LogoutView):
    def post(self, request, *args, **kwargs):
        response = super().post(request, *args, **kwargs)
        messages.success(request, "You have signed out.")
        return response


class PasswordChangeView(auth_views.PasswordChangeView):
    form_class = PasswordChangeForm
    template_name = "accounts/password_change.html"
    success_url = reverse_lazy("accounts:password-change-done")


class PasswordChangeDoneView(auth_views.PasswordChangeDoneView):
    template_name = "accounts/password_change_done.html"


@login_required
def account(request):
    return render(request, "accounts/account.html", {"account": request.user})


def _require_user_manager(request):
    if not may_manage_users(request.user):
        raise PermissionDenied("Only agency administrators manage users.")


@login_required
def user_list(request):
    _require_user_manager(request)
    filterset = UserFilterSet(request.GET, user=request.user)
    filter_form = filterset.page_form()
    applied = filterset.applied
    page = lists.paginate(request, selectors.user_list(actor=request.user, filterset=filterset))
    return render(
        request,
        "accounts/user_list.html",
        {
            "filter_form": filter_form,
            "page": page,
            "columns": lists.sort_headers(
                applied.get("sort", selectors.DEFAULT_SORT),
                [("name", "Name"), ("email", "E-mail address")]
                + ([("agency", "Agency")] if request.user.is_superuser else [])
                + [("vetting", "Vetting expires")],
            ),
            # The sort is a parameter of the FilterSet, but sorting is not filtering.
            "is_filtered": any(name != "sort" for name in applied),
        },
    )


@login_required
def user_detail(request, pk):
    _require_user_manager(request)
    managed = selectors.user_get(actor=request.user, pk=pk)
    return render(
        request,
        "accounts/user_detail.html",
        {
            "managed": managed,
            "locked_out": selectors.user_is_locked_out(user=managed),
            "api_tokens": selectors.api_token_count(user=managed),
        },
    )


@login_required
def user_create(request):
    _require_user_manager(request)
    form = UserCreateForm(request.POST or None, actor=request.user)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        data.pop("password_confirmation")
        try:
            created = services.user_create(actor=request.user, surface=AccessSurface.PAGE, **data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, f"Account created for {created.full_name}. They have been notified.")
            return redirect("accounts:user-detail", pk=created.pk)
    return render(request, "accounts/user_form.html", {"form": form, "creating": True})


@login_required
def user_edit(request, pk):
    _require_user_manager(request)
    managed = selectors.user_get(actor=request.user, pk=pk)
    form = UserEditForm(request.POST or None, actor=request.user, user=managed)
    if request.method == "POST" and form.is_valid():
        if form.disables_account and request.POST.get("confirmed") != "yes":
            return render(request, "accounts/user_confirm_disable.html", {"managed": managed, "form": form})
        try:
            services.user_update(
                actor=request.user,
                user=managed,
                reason=form.change_reason(),
                surface=AccessSurface.PAGE,
                **form.changes(),
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, f"Changes to {managed.full_name}'s account saved.")
            return redirect("accounts:user-detail", pk=managed.pk)
    return render(request, "accounts/user_form.html", {"form": form, "managed": managed, "creating": False})


@login_required
@require_POST
def user_unlock(request, pk):
    _require_user_manager(request)
    managed = selectors.user_get(actor=request.user, pk=pk)
    services.user_unlock(actor=request.user, user=managed)
    messages.success(request, f"{managed.full_name} can sign in again.")
    return redirect("accounts:user-detail", pk=managed.pk)


@login_required
def user_revoke_tokens(request, pk):
    """Asks first (GET), then revokes every API token of the user (POST)."""
    _require_user_manager(request)
    managed = selectors.user_get(actor=request.user, pk=pk)
    if request.method == "POST":
        revoked = services.api_tokens_revoke_for_user(actor=request.user, user=managed, surface=AccessSurface.PAGE)
        messages.success(
            request,
            f"{revoked} API token{'' if revoked == 1 else 's'} of {managed.full_name} revoked. "
            "They sign in again to use the API.",
        )
        return redirect("accounts:user-detail", pk=managed.pk)
    return render(
        request,
        "accounts/user_confirm_revoke_tokens.html",
        {"managed": managed, "api_tokens": selectors.api_token_count(user=managed)},
    )
